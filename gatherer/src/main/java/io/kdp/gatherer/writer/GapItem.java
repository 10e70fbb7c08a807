package io.kdp.gatherer.writer;

import io.kdp.store.row.SequenceGapRow;

/** What the gap writer stores, in order: a gap opened, or a subscription's gaps closed. */
sealed interface GapItem {

  record Open(SequenceGapRow row) implements GapItem {}

  record Close(String gatherer, long connectionId, int sid, long recoveredAtMicros)
      implements GapItem {}
}
