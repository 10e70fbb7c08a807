package io.kdp.client.ws;

/**
 * Where a {@link KalshiWsClient} stands. Transitions: {@code DISCONNECTED -> CONNECTING ->
 * SUBSCRIBING -> LIVE}; any drop, failed connect, idle timeout or unanswered subscribe goes to
 * {@code BACKOFF} and from there back to {@code CONNECTING}; an upgrade refused with 401/403 goes
 * to {@code FAILED}, for good; {@code close()} goes to {@code CLOSED} from anywhere, for good.
 */
public enum WsConnectionState {
  /** Created, {@code start()} not called yet. */
  DISCONNECTED,
  /** Upgrade request in flight (freshly signed). */
  CONNECTING,
  /** Connected; some desired subscription is not yet acknowledged. */
  SUBSCRIBING,
  /** Connected and every desired subscription acknowledged. */
  LIVE,
  /** Dropped; waiting out a jittered backoff before reconnecting. */
  BACKOFF,
  /** Closed deliberately; never reconnects. */
  CLOSED,
  /**
   * The exchange refused the key on the upgrade (401/403): a configuration error that no reconnect
   * fixes, so the client stopped ({@link KalshiWsClient#failure()} says why).
   */
  FAILED
}
