package io.kdp.client.ws;

import io.kdp.client.rest.ErrorClassifier;
import io.kdp.client.rest.KalshiAuthException;
import io.kdp.client.rest.Outcome;
import java.net.URI;
import org.eclipse.jetty.client.HttpResponseException;

/**
 * Classifies a failed WebSocket upgrade, in the same terms as the REST client ({@link
 * ErrorClassifier}): a 401 or 403 means the key id, the private key, the clock or the key's scope
 * is wrong, which no reconnect can fix, so it becomes a {@link KalshiAuthException}; anything else
 * (no response, 429, 5xx, a dropped socket) is transient and backed off.
 */
final class UpgradeFailure {

  private UpgradeFailure() {}

  /** The HTTP status of the refused upgrade in {@code failure}'s causes, or 0 when none. */
  static int status(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      switch (t) {
        case org.eclipse.jetty.websocket.api.exceptions.UpgradeException u -> {
          if (u.getResponseStatusCode() > 0) {
            return u.getResponseStatusCode();
          }
        }
        case org.eclipse.jetty.websocket.core.exception.UpgradeException u -> {
          if (u.getResponseStatusCode() > 0) {
            return u.getResponseStatusCode();
          }
        }
        case HttpResponseException h when h.getResponse() != null -> {
          return h.getResponse().getStatus();
        }
        default -> {}
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return 0;
  }

  /**
   * The permanent failure behind {@code failure}, or null when it is transient. The message names
   * the endpoint, the status and the key id (an identifier, not a secret); never key material.
   */
  static KalshiAuthException permanent(Throwable failure, URI uri, String keyId) {
    int status = status(failure);
    if (status == 0 || ErrorClassifier.ofStatus(status) != Outcome.AUTH_FAILED) {
      return null;
    }
    String endpoint = "GET " + uri.getPath();
    KalshiAuthException e =
        (KalshiAuthException) ErrorClassifier.exceptionFor(endpoint, status, null, false, 1);
    return new KalshiAuthException(
        "WebSocket upgrade refused for API key id "
            + (keyId == null ? "(none: the upgrade was not signed)" : keyId)
            + ": "
            + e.getMessage(),
        endpoint,
        status,
        null,
        null,
        null);
  }
}
