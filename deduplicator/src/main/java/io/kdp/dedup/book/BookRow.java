package io.kdp.dedup.book;

import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.SnapshotRow;

/** A row of a gatherer's sequenced book stream: a WebSocket snapshot or a delta. */
public sealed interface BookRow permits BookRow.Snapshot, BookRow.Delta {

  String market();

  Provenance provenance();

  long exchangeTimeMicros();

  long receivedAtMicros();

  /** The row's own time: its exchange time when Kalshi sent one, else its receive time. */
  default long ownTimeMicros() {
    return exchangeTimeMicros() == KalshiWsMessage.NO_TIME
        ? receivedAtMicros()
        : exchangeTimeMicros();
  }

  /** A WebSocket {@code orderbook_snapshot}: resets the market's book. */
  record Snapshot(SnapshotRow row) implements BookRow {
    @Override
    public String market() {
      return row.market();
    }

    @Override
    public Provenance provenance() {
      return row.provenance();
    }

    @Override
    public long exchangeTimeMicros() {
      return row.exchangeTimeMicros();
    }

    @Override
    public long receivedAtMicros() {
      return row.receivedAtMicros();
    }
  }

  /** An {@code orderbook_delta}. */
  record Delta(DeltaRow row) implements BookRow {
    @Override
    public String market() {
      return row.market();
    }

    @Override
    public Provenance provenance() {
      return row.provenance();
    }

    @Override
    public long exchangeTimeMicros() {
      return row.exchangeTimeMicros();
    }

    @Override
    public long receivedAtMicros() {
      return row.receivedAtMicros();
    }
  }

  /**
   * A row placed on the merge timeline: {@code timeMicros} is its own time, raised to the time of
   * the row before it on the same stream, so that time order and seq order agree on a stream.
   */
  record Timed(BookRow row, long timeMicros) {}
}
