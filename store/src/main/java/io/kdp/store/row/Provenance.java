package io.kdp.store.row;

import java.util.Objects;

/**
 * Where a stored row came from (Debezium's {@code SourceInfo}): which gatherer, over which
 * WebSocket connection, on which subscription and at which sequence number. {@code connectionId},
 * {@code sid} and {@code seq} are 0 where they do not apply (REST data; {@code seq} on the
 * unsequenced ticker channel).
 *
 * @param gatherer the gatherer's id, e.g. {@code "a"}
 * @param connectionId the gatherer's connection id, unique per gatherer across restarts (the {@code
 *     connection_ids} sequence hands them out)
 * @param sid Kalshi's subscription id on that connection
 * @param seq Kalshi's sequence number within the subscription
 */
public record Provenance(String gatherer, long connectionId, int sid, long seq) {

  public Provenance {
    Objects.requireNonNull(gatherer, "gatherer");
  }

  /** Provenance of data fetched over REST by {@code gatherer}: no connection, sid or seq. */
  public static Provenance rest(String gatherer) {
    return new Provenance(gatherer, 0, 0, 0);
  }
}
