package io.kdp.client.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.rest.wire.ErrorBody;
import io.kdp.client.rest.wire.ErrorEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

/**
 * The one place that decides which failures are retried (429, 408, 5xx, I/O) and which stop at once
 * (401/403, 404, other 4xx), and that turns a final failure into a typed exception carrying
 * Kalshi's error code and message.
 */
public final class ErrorClassifier {

  private ErrorClassifier() {}

  /** Classifies an HTTP status. */
  public static Outcome ofStatus(int status) {
    if (status >= 200 && status < 300) {
      return Outcome.SUCCESS;
    }
    return switch (status) {
      case 429 -> Outcome.RATE_LIMITED;
      case 401, 403 -> Outcome.AUTH_FAILED;
      case 404 -> Outcome.NOT_FOUND;
      case 408 -> Outcome.SERVER_ERROR;
      case 501, 505 -> Outcome.CLIENT_ERROR;
      default -> status >= 500 && status < 600 ? Outcome.SERVER_ERROR : Outcome.CLIENT_ERROR;
    };
  }

  /**
   * Classifies a failure without a response: I/O errors and timeouts are retriable; anything else
   * is a bug and is rethrown by the caller, so this returns {@code null} for it.
   */
  public static Outcome ofFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof TimeoutException) {
        return Outcome.IO_ERROR;
      }
    }
    return null;
  }

  /**
   * Kalshi's error from a body: {@code {"error":{"code":..,"message":..}}} as the servers send it,
   * or the bare {@code {"code":..,"message":..}} of the spec. {@code null} when neither parses.
   */
  public static ErrorBody parseErrorBody(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonNode tree = KalshiJson.mapper().readTree(body);
      if (tree == null || !tree.isObject()) {
        return null;
      }
      if (tree.path("error").isObject()) {
        return KalshiJson.mapper().treeToValue(tree, ErrorEnvelope.class).error();
      }
      if (tree.has("code") || tree.has("message")) {
        return KalshiJson.mapper().treeToValue(tree, ErrorBody.class);
      }
      return null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The exception for a final HTTP failure (not retried, or retries used up). */
  public static KalshiApiException exceptionFor(
      String endpoint, int status, byte[] body, boolean retriesExhausted, int attempts) {
    ErrorBody error = parseErrorBody(body);
    String code = error == null ? null : error.code();
    String message = error == null ? null : error.message();
    String kalshiSays =
        error != null
            ? " (Kalshi: " + code + ": " + message + ")"
            : body == null || body.length == 0 ? "" : " (body: " + snippet(body) + ")";
    String head = endpoint + " -> HTTP " + status + kalshiSays;
    return switch (ofStatus(status)) {
      case AUTH_FAILED ->
          new KalshiAuthException(
              head
                  + ". Check the API key id, that the private key file belongs to it, that the key"
                  + " is for this environment (demo and production keys differ), that the system"
                  + " clock is correct (the signed timestamp is checked)"
                  + (status == 403 ? " and that the key's scope allows this call" : ""),
              endpoint,
              status,
              code,
              message,
              null);
      case NOT_FOUND -> new KalshiNotFoundException(head, endpoint, status, code, message, null);
      case RATE_LIMITED ->
          new KalshiRateLimitException(
              head + "; still rate limited after " + attempts + " attempts",
              endpoint,
              status,
              code,
              message,
              null);
      case SERVER_ERROR ->
          new KalshiUnavailableException(
              head + (retriesExhausted ? "; gave up after " + attempts + " attempts" : ""),
              endpoint,
              status,
              code,
              message,
              null);
      default -> new KalshiApiException(head, endpoint, status, code, message);
    };
  }

  /** The exception for an I/O failure after the retry budget. */
  public static KalshiUnavailableException ioFailure(
      String endpoint, Throwable cause, int attempts) {
    return new KalshiUnavailableException(
        endpoint + " failed after " + attempts + " attempts: " + cause,
        endpoint,
        0,
        null,
        null,
        cause);
  }

  private static String snippet(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
    return body.length > 200 ? text + "..." : text;
  }
}
