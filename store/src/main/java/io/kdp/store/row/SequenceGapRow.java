package io.kdp.store.row;

import java.util.List;

/**
 * A seq gap on one subscription: {@code expectedSeq} was due, {@code receivedSeq} arrived. Open
 * while {@code recoveredAtMicros} is {@link #OPEN}; closed when the fresh snapshot arrived.
 *
 * @param gapId the stored id ({@link #NEW} for a row not yet written)
 * @param markets the markets on the subscription, whose books are suspect until recovery
 * @param detectedAtMicros Unix µs on the gatherer's clock
 * @param recoveredAtMicros Unix µs on the gatherer's clock, or {@link #OPEN}
 */
public record SequenceGapRow(
    long gapId,
    String gatherer,
    long connectionId,
    int sid,
    long expectedSeq,
    long receivedSeq,
    List<String> markets,
    long detectedAtMicros,
    long recoveredAtMicros) {

  /** {@code gapId} of a row not yet stored. */
  public static final long NEW = 0;

  /** {@code recoveredAtMicros} of an open gap. */
  public static final long OPEN = Long.MIN_VALUE;

  public SequenceGapRow {
    markets = List.copyOf(markets);
  }

  /** A newly detected, open gap. */
  public static SequenceGapRow open(
      String gatherer,
      long connectionId,
      int sid,
      long expectedSeq,
      long receivedSeq,
      List<String> markets,
      long detectedAtMicros) {
    return new SequenceGapRow(
        NEW,
        gatherer,
        connectionId,
        sid,
        expectedSeq,
        receivedSeq,
        markets,
        detectedAtMicros,
        OPEN);
  }
}
