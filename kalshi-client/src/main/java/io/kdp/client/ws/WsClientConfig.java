package io.kdp.client.ws;

import io.kdp.client.auth.KalshiSigner;
import io.kdp.client.auth.RequestSigner;
import io.kdp.client.config.KalshiClientConfig;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Settings of one {@link KalshiWsClient}.
 *
 * @param uri e.g. {@code wss://external-api-ws.kalshi.com/trade-api/ws/v2}, or the simulator's
 * @param signer signs {@code GET <path>} for every upgrade (fresh timestamp per connect); null
 *     connects unauthenticated
 * @param clock the time for receive stamps and the idle watchdog
 * @param idleTimeout no frame (data, reply or ping) for this long means the connection is dead
 * @param watchdogInterval how often the idle watchdog looks
 * @param commandTimeout a command without reply after this fails; an unanswered subscribe drops the
 *     connection
 * @param backoffInitial first reconnect delay ceiling
 * @param backoffMax cap of the reconnect delay
 * @param random jitter source
 */
public record WsClientConfig(
    URI uri,
    RequestSigner signer,
    InstantSource clock,
    Duration idleTimeout,
    Duration watchdogInterval,
    Duration commandTimeout,
    Duration backoffInitial,
    Duration backoffMax,
    RandomGenerator random) {

  public WsClientConfig {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
    }
  }

  /** Kalshi pings every 10 s: 30 s idle, 10 s command timeout, 0.5 s .. 30 s backoff. */
  public static WsClientConfig defaults(URI uri, RequestSigner signer) {
    return new WsClientConfig(
        uri,
        signer,
        InstantSource.system(),
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        RandomGenerator.getDefault());
  }

  /**
   * The WebSocket of a configured environment (production, demo or a custom host such as the
   * simulator), signed with its API key when one is configured.
   */
  public static WsClientConfig from(KalshiClientConfig kalshi) {
    RequestSigner signer =
        kalshi.credentials().map(c -> KalshiSigner.load(c, InstantSource.system())).orElse(null);
    return defaults(kalshi.environment().webSocketUrl(), signer);
  }

  public WsClientConfig withClock(InstantSource c) {
    return new WsClientConfig(
        uri,
        signer,
        c,
        idleTimeout,
        watchdogInterval,
        commandTimeout,
        backoffInitial,
        backoffMax,
        random);
  }

  public WsClientConfig withIdle(Duration idle, Duration every) {
    return new WsClientConfig(
        uri, signer, clock, idle, every, commandTimeout, backoffInitial, backoffMax, random);
  }

  public WsClientConfig withBackoff(Duration initial, Duration max, RandomGenerator r) {
    return new WsClientConfig(
        uri, signer, clock, idleTimeout, watchdogInterval, commandTimeout, initial, max, r);
  }

  public WsClientConfig withCommandTimeout(Duration t) {
    return new WsClientConfig(
        uri, signer, clock, idleTimeout, watchdogInterval, t, backoffInitial, backoffMax, random);
  }

  @Override
  public String toString() {
    return "WsClientConfig[uri=" + uri + ", signed=" + (signer != null) + "]";
  }
}
