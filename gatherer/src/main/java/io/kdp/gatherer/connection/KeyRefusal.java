package io.kdp.gatherer.connection;

import io.kdp.client.rest.KalshiAuthException;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange's refusal of the API key on a WebSocket upgrade (401/403, the client's {@code
 * FAILED} state): a configuration error no reconnect fixes. Remembered (the first one) for start-up
 * and {@code /health}; logged per connection, naming the key id and never key material.
 */
final class KeyRefusal {

  private static final Logger log = LoggerFactory.getLogger(KeyRefusal.class);

  private volatile KalshiAuthException refused;

  void refused(String connection, KalshiAuthException error) {
    if (refused == null) {
      refused = error;
    }
    log.error(
        "{}: FATAL configuration error: {} -- fix exchange.api-key-id /"
            + " exchange.private-key-file (or the clock) and restart",
        connection,
        error.getMessage());
  }

  /** The first refusal, or null. */
  KalshiAuthException get() {
    return refused;
  }

  /**
   * Waits (at most {@code timeout}) for the first attempt of each of {@code connections}; returns
   * the refusal if there was one. A connection still backing off (exchange down, 5xx, 429) is not a
   * refusal: it keeps trying.
   */
  KalshiAuthException awaitFirstAttempts(
      Collection<GathererConnection> connections, Duration timeout) {
    CompletableFuture<?>[] outcomes =
        connections.stream().map(c -> c.firstOutcome).toArray(n -> new CompletableFuture<?>[n]);
    try {
      CompletableFuture.allOf(outcomes).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      log.warn("connections not all connected after {}: carrying on", timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return refused;
  }
}
