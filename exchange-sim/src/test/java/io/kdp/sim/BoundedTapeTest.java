package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.model.Contracts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The trade tape is bounded: old trades move behind the historical cutoff, volumes stay right. */
@Timeout(60)
class BoundedTapeTest {

  @TempDir Path dir;

  @Test
  void oldTradesLeaveTheLiveTapeAndTheCutoffSaysWhen() throws Exception {
    var params =
        SimFixture.fastWorld(6, 800, 13)
            .withLifetimes(Duration.ofMinutes(5), Duration.ofMinutes(5))
            .withMaxTrades(500);
    try (SimFixture f = new SimFixture(dir, params)) {
      f.run(Duration.ofSeconds(40), Duration.ofMillis(50));
      long cutoff = f.sim.world().read(() -> f.sim.world().tape().cutoffMicros());
      assertThat(cutoff).isPositive();
      f.sim
          .world()
          .locked(
              () -> {
                assertThat(f.sim.world().tape().trades()).hasSizeLessThanOrEqualTo(500);
                for (var m : f.sim.world().markets()) {
                  assertThat(m.trades()).allMatch(t -> t.timeMicros() >= cutoff);
                }
              });
      JsonNode times = KalshiJson.mapper().readTree(f.http().ok("/historical/cutoff"));
      assertThat(Instant.parse(times.path("trades_created_ts").asText()))
          .isEqualTo(Instant.EPOCH.plusNanos(cutoff * 1000));
      JsonNode market =
          KalshiJson.mapper().readTree(f.http().ok("/markets?limit=1")).path("markets").get(0);
      long volume =
          f.sim.world().read(() -> f.sim.world().market(market.path("ticker").asText()).volume());
      assertThat(Contracts.parse(market.path("volume_fp").asText())).isEqualTo(volume);
      assertThat(Contracts.parse(market.path("volume_24h_fp").asText())).isEqualTo(volume);
    }
  }
}
