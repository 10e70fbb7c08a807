package io.kdp.client.rest;

import io.kdp.client.auth.RequestSigner;
import io.kdp.client.auth.RequestSigner.AuthHeaders;
import io.kdp.client.config.KalshiEnvironment;
import io.kdp.client.json.KalshiJson;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Sends signed GETs to Kalshi and decodes the answer: takes a permit from the key's token bucket
 * before every attempt, signs every attempt afresh when a signer is present, retries what {@link
 * ErrorClassifier} calls retriable under the {@link RetryPolicy}, and reports to the metrics
 * listener. Thread-safe.
 */
public final class RestTransport {

  /** Largest body accepted; {@code GET /series} is reported at ~19 MB. */
  static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private final HttpClient http;
  private final KalshiEnvironment environment;
  private final Optional<RequestSigner> signer;
  private final TokenBucket bucket;
  private final Settings settings;

  /**
   * Knobs and injected time of a transport.
   *
   * @param retry the retry policy
   * @param requestTimeout total time of one attempt
   * @param maxRateLimitWait the longest wait for a token-bucket permit
   * @param metrics metrics hooks
   * @param clock wall clock (Retry-After dates, elapsed time)
   * @param sleeper how to wait between attempts
   * @param random jitter source
   */
  public record Settings(
      RetryPolicy retry,
      Duration requestTimeout,
      Duration maxRateLimitWait,
      RestMetricsListener metrics,
      InstantSource clock,
      Sleeper sleeper,
      RandomGenerator random) {

    /** Defaults: {@link RetryPolicy#DEFAULT}, 30 s per attempt, 60 s for a permit. */
    public static Settings defaults() {
      return new Settings(
          RetryPolicy.DEFAULT,
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          RestMetricsListener.NONE,
          InstantSource.system(),
          Sleeper.SYSTEM,
          RandomGenerator.getDefault());
    }

    public Settings withRetry(RetryPolicy r) {
      return new Settings(r, requestTimeout, maxRateLimitWait, metrics, clock, sleeper, random);
    }

    public Settings withMetrics(RestMetricsListener m) {
      return new Settings(retry, requestTimeout, maxRateLimitWait, m, clock, sleeper, random);
    }

    public Settings withSleeper(Sleeper s) {
      return new Settings(retry, requestTimeout, maxRateLimitWait, metrics, clock, s, random);
    }
  }

  public RestTransport(
      HttpClient http,
      KalshiEnvironment environment,
      Optional<RequestSigner> signer,
      TokenBucket bucket,
      Settings settings) {
    this.http = http;
    this.environment = environment;
    this.signer = signer;
    this.bucket = bucket;
    this.settings = settings;
  }

  /** GET {@code endpoint} (e.g. {@code /markets}) and decode the body as {@code type}. */
  public <T> T get(String endpoint, QueryParams query, Class<T> type) {
    String path = environment.restPath(endpoint);
    String name = "GET " + path;
    byte[] body = getBytes(path, query, name);
    try {
      return KalshiJson.mapper().readValue(body, type);
    } catch (IOException e) {
      throw new KalshiProtocolException(
          name + ": response does not decode as " + type.getSimpleName() + ": " + e.getMessage(),
          name,
          200,
          null,
          null,
          e);
    }
  }

  private byte[] getBytes(String path, QueryParams query, String name) {
    long start = settings.clock().millis();
    URI uri = uri(path, query);
    for (int attempt = 1; ; attempt++) {
      acquirePermit(name);
      long sent = System.nanoTime();
      ContentResponse response = null;
      Throwable failure = null;
      try {
        response = send(uri, path);
      } catch (ExecutionException e) {
        failure = e.getCause();
      } catch (TimeoutException e) {
        failure = e;
      }
      if (response == null && failure instanceof HttpResponseException hre) {
        // a client shared with code that keeps Jetty's 401 handling: use the status it saw
        response = ContentResponse.from(hre.getResponse(), new byte[0], null, null);
      }
      int status = response == null ? 0 : response.getStatus();
      settings.metrics().onAttempt(name, status, Duration.ofNanos(System.nanoTime() - sent));
      Outcome outcome =
          response != null ? ErrorClassifier.ofStatus(status) : ErrorClassifier.ofFailure(failure);
      if (outcome == null) {
        // not I/O: e.g. a body over MAX_BODY_BYTES; retrying would fail the same way
        KalshiApiException e =
            new KalshiProtocolException(name + " failed: " + failure, name, 0, null, null, failure);
        settings.metrics().onFailure(name, e);
        throw e;
      }
      if (outcome == Outcome.SUCCESS) {
        return response.getContent();
      }
      if (outcome == Outcome.RATE_LIMITED) {
        settings.metrics().onRateLimited(name);
      }
      Optional<Duration> retryAfter =
          response == null
              ? Optional.empty()
              : RetryPolicy.parseRetryAfter(
                  response.getHeaders().get(HttpHeader.RETRY_AFTER), settings.clock().instant());
      Duration elapsed = Duration.ofMillis(settings.clock().millis() - start);
      Optional<Duration> delay =
          settings.retry().nextDelay(attempt, outcome, retryAfter, elapsed, settings.random());
      if (delay.isEmpty()) {
        KalshiApiException e =
            response == null
                ? ErrorClassifier.ioFailure(name, failure, attempt)
                : ErrorClassifier.exceptionFor(
                    name, status, response.getContent(), outcome.retriable(), attempt);
        settings.metrics().onFailure(name, e);
        throw e;
      }
      settings.metrics().onRetry(name, outcome, delay.get());
      pause(delay.get(), name);
    }
  }

  private ContentResponse send(URI uri, String path) throws ExecutionException, TimeoutException {
    Request request =
        http.newRequest(uri)
            .method(HttpMethod.GET)
            .timeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .headers(h -> h.put(HttpHeader.ACCEPT, "application/json"));
    signer.ifPresent(
        s -> {
          AuthHeaders auth = s.sign("GET", path);
          request.headers(
              h -> {
                h.put(RequestSigner.KEY_HEADER, auth.keyId());
                h.put(RequestSigner.TIMESTAMP_HEADER, auth.timestampMillis());
                h.put(RequestSigner.SIGNATURE_HEADER, auth.signature());
              });
        });
    try {
      return new CompletableResponseListener(request, MAX_BODY_BYTES)
          .send()
          .get(settings.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      request.abort(e);
      throw interrupted(path, e);
    } catch (TimeoutException e) {
      request.abort(e);
      throw e;
    }
  }

  private void acquirePermit(String name) {
    try {
      bucket.acquire(settings.maxRateLimitWait());
    } catch (KalshiRateLimitException e) {
      KalshiRateLimitException named =
          new KalshiRateLimitException(name + ": " + e.getMessage(), name, 0, null, null, null);
      settings.metrics().onFailure(name, named);
      throw named;
    }
  }

  private void pause(Duration delay, String name) {
    try {
      settings.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(name, e);
    }
  }

  private URI uri(String path, QueryParams query) {
    URI base = environment.restBaseUrl();
    String q = query.encode();
    return URI.create(
        base.getScheme() + "://" + base.getRawAuthority() + path + (q.isEmpty() ? "" : "?" + q));
  }

  private static KalshiUnavailableException interrupted(String name, InterruptedException e) {
    return new KalshiUnavailableException(name + ": interrupted", name, 0, null, null, e);
  }
}
