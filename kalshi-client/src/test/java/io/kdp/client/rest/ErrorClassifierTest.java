package io.kdp.client.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.rest.wire.ErrorBody;
import java.io.EOFException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void statusesMapToOneOutcomeEach() {
    assertThat(ErrorClassifier.ofStatus(200)).isEqualTo(Outcome.SUCCESS);
    assertThat(ErrorClassifier.ofStatus(429)).isEqualTo(Outcome.RATE_LIMITED);
    assertThat(ErrorClassifier.ofStatus(401)).isEqualTo(Outcome.AUTH_FAILED);
    assertThat(ErrorClassifier.ofStatus(403)).isEqualTo(Outcome.AUTH_FAILED);
    assertThat(ErrorClassifier.ofStatus(404)).isEqualTo(Outcome.NOT_FOUND);
    assertThat(ErrorClassifier.ofStatus(400)).isEqualTo(Outcome.CLIENT_ERROR);
    assertThat(ErrorClassifier.ofStatus(409)).isEqualTo(Outcome.CLIENT_ERROR);
    assertThat(ErrorClassifier.ofStatus(408)).isEqualTo(Outcome.SERVER_ERROR);
    for (int s : new int[] {500, 502, 503, 504}) {
      assertThat(ErrorClassifier.ofStatus(s)).isEqualTo(Outcome.SERVER_ERROR);
    }
    assertThat(ErrorClassifier.ofStatus(501)).isEqualTo(Outcome.CLIENT_ERROR);
  }

  @Test
  void ioFailuresAreRetriableOtherFailuresAreNot() {
    assertThat(ErrorClassifier.ofFailure(new ConnectException("refused")))
        .isEqualTo(Outcome.IO_ERROR);
    assertThat(ErrorClassifier.ofFailure(new TimeoutException())).isEqualTo(Outcome.IO_ERROR);
    assertThat(ErrorClassifier.ofFailure(new ExecutionException(new EOFException())))
        .isEqualTo(Outcome.IO_ERROR);
    assertThat(ErrorClassifier.ofFailure(new IllegalStateException())).isNull();
  }

  @Test
  void parsesTheWrappedAndTheBareErrorBody() {
    ErrorBody expected = new ErrorBody("market_not_found", "market not found", null, "exchange");
    assertThat(
            ErrorClassifier.parseErrorBody(
                utf8(
                    "{\"error\":{\"code\":\"market_not_found\",\"message\":\"market not found\",\"service\":\"exchange\"}}")))
        .isEqualTo(expected);
    assertThat(
            ErrorClassifier.parseErrorBody(
                utf8(
                    "{\"code\":\"market_not_found\",\"message\":\"market not found\",\"service\":\"exchange\"}")))
        .isEqualTo(expected);
    assertThat(ErrorClassifier.parseErrorBody(utf8("<html>bad gateway</html>"))).isNull();
    assertThat(ErrorClassifier.parseErrorBody(utf8("{\"exchange_active\":false}"))).isNull();
    assertThat(ErrorClassifier.parseErrorBody(new byte[0])).isNull();
  }

  @Test
  void typedExceptionsCarryKalshisCodeAndSayWhatToCheck() {
    KalshiApiException notFound =
        ErrorClassifier.exceptionFor(
            "GET /trade-api/v2/markets/X",
            404,
            utf8("{\"error\":{\"code\":\"market_not_found\",\"message\":\"market not found\"}}"),
            false,
            1);
    assertThat(notFound).isInstanceOf(KalshiNotFoundException.class);
    assertThat(notFound.getMessage())
        .isEqualTo(
            "GET /trade-api/v2/markets/X -> HTTP 404 (Kalshi: market_not_found: market not found)");
    assertThat(notFound.errorCode()).isEqualTo("market_not_found");
    assertThat(notFound.status()).isEqualTo(404);

    KalshiApiException auth =
        ErrorClassifier.exceptionFor(
            "GET /trade-api/v2/markets/orderbooks",
            401,
            utf8("{\"code\":\"authentication_error\",\"message\":\"invalid signature\"}"),
            false,
            1);
    assertThat(auth).isInstanceOf(KalshiAuthException.class);
    assertThat(auth.getMessage())
        .startsWith(
            "GET /trade-api/v2/markets/orderbooks -> HTTP 401 (Kalshi: authentication_error: invalid signature). Check the API key id")
        .contains("demo and production keys differ")
        .contains("system clock");

    KalshiApiException bad =
        ErrorClassifier.exceptionFor("GET /trade-api/v2/markets", 400, utf8("nope"), false, 1);
    assertThat(bad.getClass()).isEqualTo(KalshiApiException.class);
    assertThat(bad.getMessage()).isEqualTo("GET /trade-api/v2/markets -> HTTP 400 (body: nope)");

    assertThat(ErrorClassifier.exceptionFor("GET /p", 503, new byte[0], true, 6))
        .isInstanceOf(KalshiUnavailableException.class)
        .hasMessage("GET /p -> HTTP 503; gave up after 6 attempts");
    assertThat(ErrorClassifier.exceptionFor("GET /p", 429, new byte[0], true, 6))
        .isInstanceOf(KalshiRateLimitException.class)
        .hasMessage("GET /p -> HTTP 429; still rate limited after 6 attempts");
  }
}
