package io.kdp.dedup.production;

import io.kdp.dedup.candles.MinuteDeltas;
import io.kdp.dedup.merge.MergedRow;
import io.kdp.dedup.sync.GathererBatch;
import io.kdp.dedup.sync.SyncTable;
import io.kdp.store.production.ProductionStore;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes into production, in the caller's transaction: a gatherer's trades, tickers, REST snapshots
 * and metadata (idempotent merges), and the book rows the merger decided. Creates the day
 * partitions first. Returns per-table counts for the metrics.
 */
public final class ProductionWriter {

  private static final long DAY = 86_400_000_000L;

  private final Set<LocalDate> knownDays = new HashSet<>();
  private BulkLoad load;

  /** A writer choosing its {@link BulkLoad} by the server ({@link BulkLoad#AUTO}). */
  public ProductionWriter() {
    this(BulkLoad.AUTO);
  }

  public ProductionWriter(BulkLoad load) {
    this.load = load;
  }

  /** Forgets the partitions it created (their transaction may have rolled back). */
  public void reset() {
    knownDays.clear();
  }

  /**
   * Merges the non-book part of every gatherer's batch of one cycle: the trades and tickers of all
   * gatherers together, each in one statement, after dropping in memory the copies several
   * gatherers delivered (the first in {@code batches} order wins, as it would in production); REST
   * snapshots and metadata per gatherer (their upserts must not meet one key twice in a statement).
   * The trades and tickers inserted (not those already in production) go into {@code deltas}.
   */
  public List<MergeCounts> writeGatherers(
      Connection c, List<GathererBatch> batches, MinuteDeltas deltas) throws SQLException {
    Map<String, TradeRow> trades = new LinkedHashMap<>();
    Map<TickerMerge.Key, TickerRow> tickers = new LinkedHashMap<>();
    long tradesOffered = 0;
    long tickersOffered = 0;
    List<Long> times = new ArrayList<>();
    List<List<SnapshotRow>> rest = new ArrayList<>(batches.size());
    for (GathererBatch b : batches) {
      for (TradeRow t : b.trades()) {
        if (trades.putIfAbsent(t.tradeId(), t) == null) {
          times.add(TradeMerge.time(t));
        }
      }
      for (TickerRow t : b.tickers()) {
        if (tickers.putIfAbsent(TickerMerge.key(t), t) == null) {
          times.add(TickerMerge.time(t));
        }
      }
      tradesOffered += b.trades().size();
      tickersOffered += b.tickers().size();
      List<SnapshotRow> r =
          b.snapshots().stream().filter(s -> s.source() == FeedSource.REST).toList();
      r.forEach(s -> times.add(s.receivedAtMicros()));
      rest.add(r);
    }
    ensureDays(c, times);
    List<MergeCounts> counts = new ArrayList<>();
    counts.add(
        new MergeCounts(
            "trades",
            tradesOffered,
            TradeMerge.write(c, List.copyOf(trades.values()), deltas, load(c))));
    counts.add(new MergeCounts("tickers", tickersOffered, TickerMerge.write(c, tickers, deltas)));
    for (int i = 0; i < batches.size(); i++) {
      BookWrite.writeRest(c, rest.get(i));
      counts.add(
          new MergeCounts("orderbook_snapshots_rest", rest.get(i).size(), rest.get(i).size()));
      for (Map.Entry<SyncTable, List<String>> e : batches.get(i).metadata().entrySet()) {
        int n = MetadataMerge.write(c, e.getKey(), e.getValue());
        counts.add(new MergeCounts(e.getKey().tableName(), e.getValue().size(), n));
      }
    }
    return counts;
  }

  /** Writes the merged book rows. */
  public List<MergeCounts> writeBook(Connection c, List<MergedRow> rows) throws SQLException {
    List<Long> times = new ArrayList<>(rows.size());
    rows.forEach(r -> times.add(r.timeMicros()));
    ensureDays(c, times);
    long[] n = BookWrite.write(c, rows, load(c));
    return List.of(
        new MergeCounts("orderbook_deltas", n[0], n[0]),
        new MergeCounts("orderbook_snapshots", n[1], n[1]));
  }

  private BulkLoad load(Connection c) throws SQLException {
    if (load == BulkLoad.AUTO) {
      load = BulkLoad.detect(c);
    }
    return load;
  }

  private void ensureDays(Connection c, List<Long> times) throws SQLException {
    Set<LocalDate> days = new HashSet<>();
    for (long t : times) {
      days.add(LocalDate.ofEpochDay(Math.floorDiv(t, DAY)));
    }
    days.removeAll(knownDays);
    if (!days.isEmpty()) {
      ProductionStore.ensureDays(c, days);
      knownDays.addAll(days);
    }
  }
}
