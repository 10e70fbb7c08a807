package io.kdp.gatherer.router;

import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.QuarantinedFrame;
import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;

/**
 * Where the {@link FrameRouter} sends rows. Each row carries its journal {@code position} ({@link
 * RowPosition}): the frame's journal offset and the row's index within the frame, so a sink can
 * skip rows it has already stored when the journal is loaded again.
 */
public interface RowSink {

  void snapshot(long position, SnapshotRow row);

  void delta(long position, DeltaRow row);

  void trade(long position, TradeRow row);

  void ticker(long position, TickerRow row);

  void gapOpened(long position, SequenceGapRow row);

  /** Every open gap of subscription {@code sid} on connection {@code connectionId} recovered. */
  void gapClosed(
      long position, String gatherer, long connectionId, int sid, long recoveredAtMicros);

  void quarantine(long position, QuarantinedFrame frame);

  /**
   * Every row below {@code nextPosition} has been handed to this sink: a table that got none of
   * them may record that it holds everything below it.
   */
  default void routed(long nextPosition) {}

  /**
   * Waits until {@code rows} more rows can be taken by every queue without blocking, at most {@code
   * timeoutMillis}; false if not (the router then leaves the frame to the journal).
   */
  default boolean awaitRoom(int rows, long timeoutMillis) throws InterruptedException {
    return true;
  }
}
