package io.kdp.dedup;

import io.kdp.dedup.merge.StreamFrontier;
import io.kdp.dedup.sync.GathererBatch;
import io.kdp.store.writer.ConnectionWatermarks;
import io.kdp.store.writer.StreamWatermarks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Up to where windows may be decided, and how far each gatherer's streams are complete.
 *
 * <p>Each gatherer read this cycle has seen every book row it received before its frontier: its
 * stream watermark, lowered to the newest receive time read from the book tables that are behind
 * ({@link GathererBatch#bookFrontierMicros}). Each of its connections is complete through the
 * smaller of that and the connection's own watermark (the last frame or ping received on it). Every
 * such time minus {@code grace} bounds the decision — the gatherer's frontier, and each connection
 * the gatherer still has open (a quiet connection's watermark trails by up to Kalshi's 10 s ping
 * period; it is waited for) — unless it is more than {@code maxDelay} behind the leading gatherer's
 * frontier: a dead process, or a connection that stalled silently, waits no one, and its streams
 * are simply not clean past it. An unreachable gatherer, or one without a watermark, bounds nothing
 * and has committed nothing for the merger.
 */
final class DecisionLimit {

  private DecisionLimit() {}

  /**
   * Fills {@code frontiers} (per gatherer, merge-timeline µs) and returns the limit ({@code
   * Long.MIN_VALUE} when no gatherer asserted anything).
   */
  static long compute(
      List<GathererBatch> batches,
      long nowMicros,
      long graceMicros,
      long maxDelayMicros,
      Map<String, StreamFrontier> frontiers) {
    frontiers.clear();
    Map<String, Long> frontier = new HashMap<>();
    long leader = Long.MIN_VALUE;
    for (GathererBatch b : batches) {
      long f = b.bookFrontierMicros(nowMicros);
      if (f != StreamWatermarks.NONE) {
        frontier.put(b.gatherer(), f);
        leader = Math.max(leader, f);
      }
    }
    if (frontier.isEmpty()) {
      return Long.MIN_VALUE;
    }
    long waitFloor = leader - maxDelayMicros;
    long limit = Long.MAX_VALUE;
    for (GathererBatch b : batches) {
      Long f = frontier.get(b.gatherer());
      if (f == null) {
        continue;
      }
      Map<Long, Long> connections = new HashMap<>();
      for (ConnectionWatermarks.Mark m : b.connections().values()) {
        long through = Math.min(f, m.completeThroughMicros());
        connections.put(m.connectionId(), through - graceMicros);
        if (!m.closed() && through >= waitFloor) {
          limit = Math.min(limit, through - graceMicros);
        }
      }
      frontiers.put(b.gatherer(), new StreamFrontier(f - graceMicros, connections));
      if (f >= waitFloor) {
        limit = Math.min(limit, f - graceMicros);
      }
    }
    return limit;
  }
}
