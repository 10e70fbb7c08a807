package io.kdp.sim;

import io.kdp.client.auth.RequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client for REST tests (java.net.http; its WebSocket is not used anywhere). */
final class Http {

  /** Status, body and the Retry-After header (null when absent). */
  record Reply(int status, String body, String retryAfter) {}

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final RequestSigner signer;

  Http(URI restBase, RequestSigner signer) {
    this.base = restBase;
    this.signer = signer;
  }

  /** GET {@code base + pathAndQuery}, signed when a signer is set. */
  Reply get(String pathAndQuery) {
    URI uri = URI.create(base + pathAndQuery);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
    if (signer != null) {
      RequestSigner.AuthHeaders h = signer.sign("GET", uri.getRawPath());
      b.header(RequestSigner.KEY_HEADER, h.keyId())
          .header(RequestSigner.TIMESTAMP_HEADER, h.timestampMillis())
          .header(RequestSigner.SIGNATURE_HEADER, h.signature());
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET that must answer 200; returns the body. */
  String ok(String pathAndQuery) {
    Reply r = get(pathAndQuery);
    if (r.status() != 200) {
      throw new AssertionError("GET " + pathAndQuery + " -> " + r.status() + " " + r.body());
    }
    return r.body();
  }
}
