package io.kdp.dedup.production;

import io.kdp.dedup.merge.MergedRow;
import io.kdp.dedup.sync.GathererBatch;
import io.kdp.dedup.sync.SyncTable;
import io.kdp.store.production.ProductionStore;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.SnapshotRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
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

  /** Forgets the partitions it created (their transaction may have rolled back). */
  public void reset() {
    knownDays.clear();
  }

  /** Merges the non-book part of one gatherer's batch. */
  public List<MergeCounts> writeGatherer(Connection c, GathererBatch b) throws SQLException {
    List<Long> times = new ArrayList<>();
    b.trades().forEach(t -> times.add(TradeMerge.time(t)));
    b.tickers().forEach(t -> times.add(TickerMerge.time(t)));
    List<SnapshotRow> rest =
        b.snapshots().stream().filter(s -> s.source() == FeedSource.REST).toList();
    rest.forEach(s -> times.add(s.receivedAtMicros()));
    ensureDays(c, times);
    List<MergeCounts> counts = new ArrayList<>();
    counts.add(new MergeCounts("trades", b.trades().size(), TradeMerge.write(c, b.trades())));
    counts.add(new MergeCounts("tickers", b.tickers().size(), TickerMerge.write(c, b.tickers())));
    BookWrite.writeRest(c, rest);
    counts.add(new MergeCounts("orderbook_snapshots_rest", rest.size(), rest.size()));
    for (Map.Entry<SyncTable, List<String>> e : b.metadata().entrySet()) {
      int n = MetadataMerge.write(c, e.getKey(), e.getValue());
      counts.add(new MergeCounts(e.getKey().tableName(), e.getValue().size(), n));
    }
    return counts;
  }

  /** Writes the merged book rows. */
  public List<MergeCounts> writeBook(Connection c, List<MergedRow> rows) throws SQLException {
    List<Long> times = new ArrayList<>(rows.size());
    rows.forEach(r -> times.add(r.timeMicros()));
    ensureDays(c, times);
    long[] n = BookWrite.write(c, rows);
    return List.of(
        new MergeCounts("orderbook_deltas", n[0], n[0]),
        new MergeCounts("orderbook_snapshots", n[1], n[1]));
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
