package io.kdp.gatherer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.gatherer.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AdminServerTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  final GathererMetrics metrics = new GathererMetrics("a", clock);
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(AdminServer admin, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metricsAreServedInPrometheusTextFormat() throws Exception {
    metrics.messages("trade").increment(3);
    metrics.seqGaps("ob-0").increment();
    metrics.queueDepth("trades", () -> 42);
    metrics.frameReceived("ob-0");
    clock.advance(Duration.ofMillis(2500));
    metrics.writeBatch("trades").record(Duration.ofMillis(12));

    try (AdminServer admin = AdminServer.start(0, metrics, () -> new Health(true, Map.of()))) {
      HttpResponse<String> r = get(admin, "/metrics");

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("content-type"))
          .hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(r.body())
          .contains("kdp_gatherer_messages_total{channel=\"trade\",gatherer=\"a\"} 3.0")
          .contains("kdp_gatherer_seq_gaps_total{connection=\"ob-0\",gatherer=\"a\"} 1.0")
          .contains("kdp_gatherer_queue_depth{gatherer=\"a\",queue=\"trades\"} 42.0")
          .contains("kdp_gatherer_last_message_age_seconds{connection=\"ob-0\",gatherer=\"a\"} 2.5")
          .contains("kdp_gatherer_write_batch_seconds_count{gatherer=\"a\",table=\"trades\"} 1");
    }
  }

  @Test
  void healthIs200WhenLiveAnd503WhenNotWithItsDetails() throws Exception {
    AtomicBoolean live = new AtomicBoolean(true);
    try (AdminServer admin =
        AdminServer.start(
            0,
            metrics,
            () -> new Health(live.get(), Map.of("database", live.get() ? "up" : "down")))) {
      HttpResponse<String> up = get(admin, "/health");
      live.set(false);
      HttpResponse<String> down = get(admin, "/health");

      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body()).isEqualTo("{\"status\":\"UP\",\"database\":\"up\"}");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\",\"database\":\"down\"}");
      assertThat(get(admin, "/nope").statusCode()).isEqualTo(404);
    }
  }
}
