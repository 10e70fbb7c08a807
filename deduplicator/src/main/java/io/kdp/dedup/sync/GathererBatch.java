package io.kdp.dedup.sync;

import io.kdp.store.position.DatabaseIdentity;
import io.kdp.store.position.Position;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;
import io.kdp.store.writer.ConnectionWatermarks;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One read of every followed table of one gatherer.
 *
 * @param metadata per metadata table, the rows as JSON documents
 * @param next per table, the position to save once these rows are merged
 * @param behind the tables that returned a full batch: more committed rows may wait
 * @param watermarkMicros the gatherer's stream watermark in the same snapshot: every book row it
 *     received before it is committed ({@code StreamWatermarks.NONE}: it asserted nothing)
 * @param connections its connection watermarks in the same snapshot, by connection id: a book
 *     stream is complete only through its connection's
 * @param identities per source database ({@link SyncTable#source()}), the identity read
 * @param replaced the sources whose database was not the one the cursors were saved against: their
 *     tables were read from the beginning
 */
public record GathererBatch(
    String gatherer,
    List<TradeRow> trades,
    List<TickerRow> tickers,
    List<SnapshotRow> snapshots,
    List<DeltaRow> deltas,
    List<SequenceGapRow> gaps,
    Map<SyncTable, List<String>> metadata,
    Map<SyncTable, Position> next,
    Set<SyncTable> behind,
    long watermarkMicros,
    Map<Long, ConnectionWatermarks.Mark> connections,
    Map<String, DatabaseIdentity> identities,
    Set<String> replaced) {

  /** Every table returned fewer rows than asked: nothing committed was left unread. */
  public boolean caughtUp() {
    return behind.isEmpty();
  }

  /**
   * The time before which this read has seen every book row (snapshots, deltas, gaps) the gatherer
   * received: at most its stream watermark (a gatherer is never taken at its silence: a process
   * that died stops advancing it), {@code caughtUpAt} if no book table is behind, else the newest
   * receive time read from the book tables that are behind. {@code StreamWatermarks.NONE} when the
   * gatherer has asserted nothing.
   */
  public long bookFrontierMicros(long caughtUpAt) {
    long frontier = Math.min(caughtUpAt, watermarkMicros);
    if (behind.contains(SyncTable.ORDERBOOK_DELTAS)) {
      frontier = Math.min(frontier, deltas.getLast().receivedAtMicros());
    }
    if (behind.contains(SyncTable.ORDERBOOK_SNAPSHOTS)) {
      frontier = Math.min(frontier, snapshots.getLast().receivedAtMicros());
    }
    if (behind.contains(SyncTable.SEQUENCE_GAPS)) {
      frontier = Math.min(frontier, gaps.getLast().detectedAtMicros());
    }
    return frontier;
  }

  /** Rows read, all tables. */
  public long rows() {
    return trades.size()
        + tickers.size()
        + snapshots.size()
        + deltas.size()
        + gaps.size()
        + metadata.values().stream().mapToLong(List::size).sum();
  }
}
