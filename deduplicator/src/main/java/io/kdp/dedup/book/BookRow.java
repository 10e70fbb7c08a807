package io.kdp.dedup.book;

import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.StreamRow;

/** A row of a gatherer's sequenced book stream: a WebSocket snapshot or a delta. */
public sealed interface BookRow permits BookRow.Snapshot, BookRow.Delta {

  /** The stored row this wraps. */
  StreamRow row();

  default String market() {
    return row().market();
  }

  default Provenance provenance() {
    return row().provenance();
  }

  default long exchangeTimeMicros() {
    return row().exchangeTimeMicros();
  }

  default long receivedAtMicros() {
    return row().receivedAtMicros();
  }

  /** The row's own time: its exchange time when Kalshi sent one, else its receive time. */
  default long ownTimeMicros() {
    return exchangeTimeMicros() == KalshiWsMessage.NO_TIME
        ? receivedAtMicros()
        : exchangeTimeMicros();
  }

  /** A WebSocket {@code orderbook_snapshot}: resets the market's book. */
  record Snapshot(SnapshotRow row) implements BookRow {}

  /** An {@code orderbook_delta}. */
  record Delta(DeltaRow row) implements BookRow {}

  /**
   * A row placed on the merge timeline: {@code timeMicros} is its own time, raised to the time of
   * the row before it on the same stream, so that time order and seq order agree on a stream.
   */
  record Timed(BookRow row, long timeMicros) {}
}
