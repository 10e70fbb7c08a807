package io.kdp.client.ws;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one {@link KalshiWsClient}, readable from any thread. */
public final class WsStats {

  final LongAdder messages = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder gaps = new LongAdder();
  final LongAdder rawFrames = new LongAdder();
  final LongAdder connects = new LongAdder();

  /** Channel messages delivered. */
  public long messages() {
    return messages.sum();
  }

  /** Frames dropped because their seq was not new on their sid. */
  public long duplicates() {
    return duplicates.sum();
  }

  /** Sequence gaps reported. */
  public long gaps() {
    return gaps.sum();
  }

  /** Frames that did not decode or were of an unmodelled type. */
  public long rawFrames() {
    return rawFrames.sum();
  }

  /** Connection attempts (1 for the first connect, +1 per reconnect). */
  public long connects() {
    return connects.sum();
  }

  @Override
  public String toString() {
    return "WsStats[messages=%d, duplicates=%d, gaps=%d, rawFrames=%d, connects=%d]"
        .formatted(messages(), duplicates(), gaps(), rawFrames(), connects());
  }
}
