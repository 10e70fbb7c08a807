package io.kdp.dedup.sync;

import io.kdp.store.position.Position;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;
import java.util.List;
import java.util.Map;

/**
 * One read of every followed table of one gatherer.
 *
 * @param metadata per metadata table, the rows as JSON documents
 * @param next per table, the position to save once these rows are merged
 * @param caughtUp every table returned fewer rows than asked: nothing committed was left unread
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
    boolean caughtUp) {

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
