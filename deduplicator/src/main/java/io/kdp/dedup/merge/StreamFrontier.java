package io.kdp.dedup.merge;

import io.kdp.dedup.book.StreamKey;
import java.util.Map;

/**
 * How far one gatherer's book streams are known complete (merge-timeline µs): the gatherer has
 * committed everything before {@code gathererMicros}, and each connection was alive, with every
 * frame it received committed, through its entry in {@code connectionMicros}. A stream (connection,
 * sid) is complete through the smaller of the two; a stream whose connection has no entry is
 * complete nowhere by silence. A quiet stream is taken as quiet only up to here: a connection that
 * stalled while its process went on is not mistaken for one with nothing to say.
 *
 * @param connectionMicros per connection id; null when every stream is complete through {@code
 *     gathererMicros} ({@link #allStreams})
 */
public record StreamFrontier(long gathererMicros, Map<Long, Long> connectionMicros) {

  public StreamFrontier {
    connectionMicros = connectionMicros == null ? null : Map.copyOf(connectionMicros);
  }

  /** Every stream of the gatherer complete through {@code micros} (for the pure merge tests). */
  public static StreamFrontier allStreams(long micros) {
    return new StreamFrontier(micros, null);
  }

  /** The time through which stream {@code key} is complete. */
  public long completeThrough(StreamKey key) {
    if (connectionMicros == null) {
      return gathererMicros;
    }
    Long c = connectionMicros.get(key.connectionId());
    return c == null ? Long.MIN_VALUE : Math.min(gathererMicros, c);
  }
}
