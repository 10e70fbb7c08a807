package io.kdp.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A role's admin HTTP on a real socket: Prometheus text, health that flips, nothing else. */
@Timeout(30)
class AdminServerTest {

  @Test
  void metricsAndHealthForARoleWithoutStatusPage() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter.builder("kdp.test.frames").tag("channel", "trade").register(registry).increment(3);
    AtomicBoolean writerUp = new AtomicBoolean(true);
    HttpClient http = new HttpClient();
    http.start();
    try (AdminServer admin =
        AdminServer.start(
            "127.0.0.1",
            0,
            registry,
            () -> {
              Map<String, Boolean> parts = new LinkedHashMap<>();
              parts.put("writer", writerUp.get());
              parts.put("journal", true);
              return Health.of(parts);
            },
            null,
            null)) {
      String base = "http://127.0.0.1:" + admin.port();
      ContentResponse metrics = http.GET(base + "/metrics");
      assertThat(metrics.getStatus()).isEqualTo(200);
      assertThat(metrics.getContentAsString())
          .contains("kdp_test_frames_total{channel=\"trade\"} 3.0");

      ContentResponse up = http.GET(base + "/health");
      assertThat(up.getStatus()).isEqualTo(200);
      assertThat(up.getContentAsString())
          .isEqualTo("{\"status\":\"UP\",\"checks\":{\"journal\":\"UP\",\"writer\":\"UP\"}}");

      writerUp.set(false);
      ContentResponse down = http.GET(base + "/health");
      assertThat(down.getStatus()).isEqualTo(503);
      assertThat(down.getContentAsString())
          .isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"journal\":\"UP\",\"writer\":\"DOWN\"}}");

      assertThat(http.GET(base + "/api/status").getStatus()).isEqualTo(404);
      assertThat(http.POST(base + "/health").send().getStatus()).isEqualTo(405);
    } finally {
      http.stop();
    }
  }
}
