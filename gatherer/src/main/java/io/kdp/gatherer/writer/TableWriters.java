package io.kdp.gatherer.writer;

import io.kdp.gatherer.config.GathererConfig;
import io.kdp.gatherer.metrics.GathererMetrics;
import io.kdp.gatherer.router.RowSink;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.QuarantinedFrame;
import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.CopyWriter;
import io.kdp.store.writer.SequenceGapWriter;
import io.kdp.store.writer.TradeWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * The time-series writers behind the router, one {@link TableWriter} per table: deltas, snapshots,
 * trades (stored once per {@code trade_id}), tickers, sequence gaps and the quarantine of
 * undecodable frames. Implements {@link RowSink}.
 */
public final class TableWriters implements RowSink, AutoCloseable {

  private final TableWriter<DeltaRow> deltas;
  private final TableWriter<SnapshotRow> snapshots;
  private final TableWriter<TradeRow> trades;
  private final TableWriter<TickerRow> tickers;
  private final TableWriter<GapItem> gaps;
  private final TableWriter<QuarantinedFrame> quarantine;
  private final List<TableWriter<?>> all;

  private TableWriters(
      String gatherer,
      DataSource ds,
      GathererConfig.Queues q,
      DatabaseHealth health,
      GathererMetrics metrics,
      Map<String, Long> positions) {
    CopyWriter<DeltaRow> d = new CopyWriter<>(Tables.DELTAS);
    CopyWriter<SnapshotRow> s = new CopyWriter<>(Tables.SNAPSHOTS);
    CopyWriter<TickerRow> t = new CopyWriter<>(Tables.TICKERS);
    CopyWriter<QuarantinedFrame> qf = new CopyWriter<>(Tables.QUARANTINE);
    TradeWriter tw = new TradeWriter();
    SequenceGapWriter gw = new SequenceGapWriter();
    deltas = writer(gatherer, ds, q, health, metrics, positions, Tables.DELTAS.name(), d::write);
    snapshots =
        writer(gatherer, ds, q, health, metrics, positions, Tables.SNAPSHOTS.name(), s::write);
    trades =
        writer(
            gatherer,
            ds,
            q,
            health,
            metrics,
            positions,
            Tables.TRADES.name(),
            (c, rows) -> {
              int dup = tw.write(c, rows).duplicates();
              metrics.messages("trade_duplicate").increment(dup);
            });
    tickers = writer(gatherer, ds, q, health, metrics, positions, Tables.TICKERS.name(), t::write);
    gaps =
        writer(
            gatherer,
            ds,
            q,
            health,
            metrics,
            positions,
            Tables.SEQUENCE_GAPS.name(),
            (c, items) -> writeGaps(gw, c, items));
    quarantine =
        writer(gatherer, ds, q, health, metrics, positions, Tables.QUARANTINE.name(), qf::write);
    all = List.of(deltas, snapshots, trades, tickers, gaps, quarantine);
    for (TableWriter<?> w : all) {
      metrics.queueDepth(w.table(), w::depth);
    }
  }

  /** Starts the writers; {@code ds} is the time-series database, already migrated. */
  public static TableWriters start(
      String gatherer,
      DataSource ds,
      GathererConfig.Queues queues,
      DatabaseHealth health,
      GathererMetrics metrics)
      throws SQLException {
    Map<String, Long> positions;
    try (Connection c = ds.getConnection()) {
      JournalPositions.create(c);
      positions = JournalPositions.read(c, gatherer);
    }
    return new TableWriters(gatherer, ds, queues, health, metrics, positions);
  }

  private static <R> TableWriter<R> writer(
      String gatherer,
      DataSource ds,
      GathererConfig.Queues q,
      DatabaseHealth health,
      GathererMetrics metrics,
      Map<String, Long> positions,
      String table,
      BatchWrite<R> write) {
    return new TableWriter<>(
        table,
        gatherer,
        ds,
        write,
        q.writerCapacity(),
        q.batchRows(),
        q.batchMaxDelay(),
        health,
        metrics.writeBatch(table),
        positions.getOrDefault(table, 0L));
  }

  private static void writeGaps(SequenceGapWriter gw, Connection c, List<GapItem> items)
      throws SQLException {
    List<SequenceGapRow> opens = new ArrayList<>();
    for (GapItem item : items) {
      switch (item) {
        case GapItem.Open o -> opens.add(o.row());
        case GapItem.Close cl -> {
          if (!opens.isEmpty()) {
            gw.open(c, opens);
            opens.clear();
          }
          gw.close(c, cl.gatherer(), cl.connectionId(), cl.sid(), cl.recoveredAtMicros());
        }
      }
    }
    if (!opens.isEmpty()) {
      gw.open(c, opens);
    }
  }

  /** The lowest position every table has stored (the journal is loaded again from there). */
  public long committedPosition() {
    return all.stream().mapToLong(TableWriter::committed).min().orElse(0);
  }

  /**
   * Where the book tables' queues end (deltas, snapshots, sequence gaps): once {@link #bookStored}
   * of it holds, every book row routed before this call is committed. Call it where no frame is
   * being routed.
   */
  public long[] bookQueued() {
    return new long[] {deltas.enqueued(), snapshots.enqueued(), gaps.enqueued()};
  }

  /** True when every book row queued before {@code queued} ({@link #bookQueued}) is committed. */
  public boolean bookStored(long[] queued) {
    return deltas.committed() >= queued[0]
        && snapshots.committed() >= queued[1]
        && gaps.committed() >= queued[2];
  }

  /** True when every row queued so far is stored. */
  public boolean drained() {
    return all.stream().allMatch(TableWriter::drained);
  }

  @Override
  public boolean awaitRoom(int rows, long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (!all.stream().allMatch(w -> w.room() >= rows)) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(200_000);
    }
    return true;
  }

  @Override
  public void snapshot(long position, SnapshotRow row) {
    put(snapshots, position, row);
  }

  @Override
  public void delta(long position, DeltaRow row) {
    put(deltas, position, row);
  }

  @Override
  public void trade(long position, TradeRow row) {
    put(trades, position, row);
  }

  @Override
  public void ticker(long position, TickerRow row) {
    put(tickers, position, row);
  }

  @Override
  public void gapOpened(long position, SequenceGapRow row) {
    put(gaps, position, new GapItem.Open(row));
  }

  @Override
  public void gapClosed(
      long position, String gatherer, long connectionId, int sid, long recoveredAtMicros) {
    put(gaps, position, new GapItem.Close(gatherer, connectionId, sid, recoveredAtMicros));
  }

  @Override
  public void quarantine(long position, QuarantinedFrame frame) {
    put(quarantine, position, frame);
  }

  @Override
  public void routed(long nextPosition) {
    for (TableWriter<?> w : all) {
      w.routed(nextPosition);
    }
  }

  private static <R> void put(TableWriter<R> w, long position, R row) {
    try {
      w.offer(position, row);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while queueing a row", e);
    }
  }

  /** Writes everything queued (while the database lets it) and stops. */
  @Override
  public void close() throws InterruptedException {
    for (TableWriter<?> w : all) {
      w.close();
    }
  }
}
