package io.kdp.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.platform.status.ExchangeProbe;
import io.kdp.platform.status.StatusCollector;
import io.kdp.sim.ExchangeSimulator;
import io.kdp.sim.SimConfig;
import io.kdp.sim.world.WorldParams;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in Debian's headless Chromium against the real simulator: it loads, its numbers
 * move between two readings, and the candle chart draws. The screenshot is kept as {@code
 * platform/target/status-page.png}.
 */
@Timeout(240)
class StatusPageChromiumTest {

  @TempDir Path dir;

  private ExchangeSimulator sim;
  private StatusCollector collector;
  private AdminServer admin;
  private final HttpClient http = new HttpClient();

  @BeforeEach
  void start() throws Exception {
    sim =
        ExchangeSimulator.start(
            SimConfig.defaults(dir.resolve("sim")).withWorld(WorldParams.defaults(20, 400, 7)));
    http.start();
    collector =
        new StatusCollector(
                InstantSource.system(), new ExchangeProbe(sim), List.of(), null, null, null)
            .start(Duration.ofMillis(500));
    admin =
        AdminServer.start(
            "127.0.0.1",
            0,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> Health.of(Map.of("simulator", true)),
            collector,
            new ExchangeCandles(http, sim.restBase(), InstantSource.system()));
  }

  @AfterEach
  void stop() throws Exception {
    admin.close();
    collector.close();
    http.stop();
    sim.close();
  }

  @Test
  void pageLoadsNumbersMoveAndTheChartDraws() throws Exception {
    assertThat(Files.isExecutable(HeadlessChromium.BINARY))
        .as("Debian's chromium (.ci/run installs it)")
        .isTrue();
    URI page = URI.create("http://127.0.0.1:" + admin.port() + "/");
    Files.createDirectories(dir.resolve("chromium"));
    try (HeadlessChromium chromium = HeadlessChromium.open(dir.resolve("chromium"), page)) {
      await("the page shows the exchange's message count")
          .atMost(Duration.ofSeconds(30))
          .until(() -> count(chromium.eval(text("exchange-messages"))) > 0);
      long first = count(chromium.eval(text("exchange-messages")));
      String firstUpdated = chromium.eval(text("updated")).asText();
      await("the message count moves")
          .atMost(Duration.ofSeconds(30))
          .until(() -> count(chromium.eval(text("exchange-messages"))) > first);
      assertThat(chromium.eval(text("updated")).asText()).isNotEqualTo(firstUpdated);

      await("the chart draws candles")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                chromium.eval("drawCandles().then(() => 0)");
                return chromium
                        .eval("document.querySelectorAll('#chart rect.candle').length")
                        .asInt()
                    > 0;
              });
      JsonNode picked = chromium.eval("document.getElementById('market').value");
      assertThat(picked.asText()).isNotBlank();
      assertThat(chromium.eval(text("candle-source")).asText()).isEqualTo("from exchange");
      assertThat(chromium.eval(text("exchange-active")).asText()).isEqualTo("yes");
      chromium.screenshot(Path.of("target", "status-page.png"));
    }
    assertThat(Files.size(Path.of("target", "status-page.png"))).isGreaterThan(10_000);
  }

  private static String text(String id) {
    return "document.getElementById('" + id + "').textContent";
  }

  private static long count(JsonNode text) {
    String digits = text.asText().replace(",", "");
    return digits.matches("\\d+") ? Long.parseLong(digits) : -1;
  }
}
