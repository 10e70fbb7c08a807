package io.kdp.dedup;

import io.kdp.dedup.book.BookRow;
import io.kdp.dedup.candles.CandleRefresh;
import io.kdp.dedup.candles.CandleRollup;
import io.kdp.dedup.candles.MinuteDeltas;
import io.kdp.dedup.coverage.CoverageWrite;
import io.kdp.dedup.merge.BookMerger;
import io.kdp.dedup.merge.MergeOutput;
import io.kdp.dedup.merge.MergerCodec;
import io.kdp.dedup.merge.PendingChunks;
import io.kdp.dedup.merge.StreamFrontier;
import io.kdp.dedup.production.MergeCounts;
import io.kdp.dedup.production.ProductionWriter;
import io.kdp.dedup.sync.GathererBatch;
import io.kdp.dedup.sync.SyncCursors;
import io.kdp.dedup.sync.SyncSources;
import io.kdp.dedup.sync.SyncTable;
import io.kdp.store.position.Position;
import io.kdp.store.production.ProductionEngine;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.row.SnapshotRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One merge transaction on production: the gatherers' batches merged (trades, tickers, REST
 * snapshots, metadata), their book rows handed to the merger, the windows now decidable decided and
 * written, candles refreshed (plain PostgreSQL) or their windows recorded for a refresh after the
 * commit (TimescaleDB), and the merger checkpoint (its state, and the rows read but not decided in
 * chunks: {@link PendingChunks}) and the cursors past every row read saved — all committed together
 * or not at all.
 */
final class MergeCycle {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MergeCycle.class);

  private MergeCycle() {}

  /** The saved merger (its pending rows in {@code chunks}) and cursors, or a fresh start. */
  record Saved(
      BookMerger merger,
      PendingChunks chunks,
      Map<String, Map<SyncTable, Position>> cursors,
      Map<String, Map<String, SyncSources.Saved>> sources) {}

  static Saved load(Connection c, List<String> gatherers, long windowMicros) throws SQLException {
    BookMerger merger = new BookMerger(gatherers, windowMicros);
    PendingChunks chunks = PendingChunks.empty();
    try (PreparedStatement ps = c.prepareStatement("SELECT state FROM dedup_checkpoint");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        merger = MergerCodec.decode(rs.getBytes(1), gatherers);
        chunks = PendingChunks.restore(merger, pendingChunks(c));
        if (merger.windowMicros() != windowMicros) {
          LOG.info(
              "kdp.dedup.window changed from {} µs to {} µs: windows after {} µs (decided so far)"
                  + " are {} µs long",
              merger.windowMicros(),
              windowMicros,
              merger.decidedToMicros(),
              windowMicros);
          merger.changeWindow(windowMicros);
        }
      }
    }
    return new Saved(merger, chunks, SyncCursors.load(c), SyncSources.load(c));
  }

  private static List<Map.Entry<Long, byte[]>> pendingChunks(Connection c) throws SQLException {
    List<Map.Entry<Long, byte[]>> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT chunk, rows FROM dedup_pending ORDER BY chunk");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(Map.entry(rs.getLong(1), rs.getBytes(2)));
      }
    }
    return out;
  }

  /** Runs the transaction's work on {@code c} (the caller commits); returns the counts. */
  static List<MergeCounts> run(
      Connection c,
      List<GathererBatch> batches,
      BookMerger merger,
      PendingChunks chunks,
      long limitMicros,
      Map<String, StreamFrontier> committedTo,
      int maxWindows,
      ProductionWriter writer,
      ProductionEngine engine,
      Instant now,
      CycleTimings timings)
      throws SQLException {
    List<MergeCounts> counts = new ArrayList<>();
    Map<String, Set<Long>> candleTimes = new HashMap<>();
    MinuteDeltas deltas = new MinuteDeltas();
    counts.addAll(writer.writeGatherers(c, batches, deltas));
    timings.mark(CycleTimings.Phase.GATHERER_ROWS);
    for (GathererBatch b : batches) {
      b.trades()
          .forEach(
              t -> touch(candleTimes, t.market(), t.exchangeTimeMicros(), t.receivedAtMicros()));
      b.tickers()
          .forEach(
              t -> touch(candleTimes, t.market(), t.exchangeTimeMicros(), t.receivedAtMicros()));
      for (SnapshotRow s : b.snapshots()) {
        if (s.source() == FeedSource.WS) {
          add(merger, chunks, b.gatherer(), new BookRow.Snapshot(s));
        }
      }
      for (var d : b.deltas()) {
        add(merger, chunks, b.gatherer(), new BookRow.Delta(d));
      }
      for (SequenceGapRow g : b.gaps()) {
        merger.addGap(b.gatherer(), g);
      }
    }
    MergeOutput out = merger.decideWindows(limitMicros, committedTo, maxWindows);
    timings.mark(CycleTimings.Phase.DECIDE);
    counts.addAll(writer.writeBook(c, out.rows()));
    timings.mark(CycleTimings.Phase.BOOK_WRITE);
    LOG.debug("decided {} windows, wrote {} book rows", out.windows(), out.rows().size());
    CoverageWrite.write(c, out.coverage());
    timings.mark(CycleTimings.Phase.COVERAGE);
    if (engine == ProductionEngine.TIMESCALEDB) {
      CandleRefresh.record(c, candleTimes);
    } else {
      CandleRollup.apply(c, deltas);
    }
    timings.mark(CycleTimings.Phase.CANDLES);
    saveCheckpoint(c, merger, chunks, now, timings);
    for (GathererBatch b : batches) {
      SyncCursors.save(c, b.gatherer(), b.next(), now);
      SyncSources.save(c, b.gatherer(), b.identities(), now);
    }
    timings.mark(CycleTimings.Phase.CHECKPOINT);
    return counts;
  }

  private static void add(BookMerger merger, PendingChunks chunks, String gatherer, BookRow row) {
    if (merger.add(gatherer, row)) {
      chunks.added(gatherer, row);
    }
  }

  private static void touch(
      Map<String, Set<Long>> times, String market, long exchange, long received) {
    long t = exchange == io.kdp.client.ws.message.KalshiWsMessage.NO_TIME ? received : exchange;
    times.computeIfAbsent(market, m -> new HashSet<>()).add(t);
  }

  /**
   * The merger's state without its pending rows, whole; of the pending rows, those read in this
   * transaction and still pending as a new chunk, and the chunks now wholly decided deleted.
   */
  private static void saveCheckpoint(
      Connection c, BookMerger merger, PendingChunks chunks, Instant now, CycleTimings timings)
      throws SQLException {
    PendingChunks.Save save = chunks.save(merger);
    if (save.bytes() != null) {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO dedup_pending (chunk, rows) VALUES (?, ?)")) {
        ps.setLong(1, save.chunkId());
        ps.setBytes(2, save.bytes());
        ps.executeUpdate();
      }
    }
    if (!save.dropped().isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM dedup_pending WHERE chunk = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("bigint", save.dropped().toArray()));
        ps.executeUpdate();
      }
    }
    timings.mark(CycleTimings.Phase.PENDING_ROWS);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO dedup_checkpoint (singleton, decided_to, state, updated_at) VALUES (true,"
                + " kdp_micros(?), ?, ?) ON CONFLICT (singleton) DO UPDATE SET decided_to ="
                + " excluded.decided_to, state = excluded.state, updated_at = excluded.updated_at")) {
      long decided = merger.decidedToMicros();
      ps.setLong(1, decided == BookMerger.UNSET ? 0 : decided);
      ps.setBytes(2, MergerCodec.encodeWithoutPending(merger));
      ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      ps.executeUpdate();
    }
  }

  /** Hole runs in coverage, for the metrics. */
  static long holes(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM coverage WHERE gatherer IS NULL");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
