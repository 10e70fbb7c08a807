package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** REST fault modes: injected 429/5xx, Kalshi's per-key read limit, a maintenance window. */
@Timeout(60)
class RestFaultsTest {

  @TempDir Path dir;

  @Test
  void injected429CarriesRetryAfterAnd5xxUsesServerCodes() throws Exception {
    try (SimFixture f = new SimFixture(dir, SimFixture.fastWorld(3, 50, 1))) {
      Http http = f.http();
      assertThat(Admin.faults(f.sim, "http-429=1,retry-after=3").status()).isEqualTo(200);
      Http.Reply r = http.get("/markets");
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.retryAfter()).isEqualTo("3");
      assertThat(r.body())
          .isEqualTo(
              "{\"error\":{\"code\":\"too_many_requests\",\"message\":\"too many requests\",\"service\":\"exchange\"}}");
      Admin.faults(f.sim, "http-429=0,http-5xx=1");
      for (int i = 0; i < 10; i++) {
        assertThat(http.get("/exchange/status").status()).isIn(500, 502, 503, 504);
      }
      Admin.faults(f.sim, "http-5xx=0.5");
      int errors = 0;
      for (int i = 0; i < 200; i++) {
        errors += http.get("/exchange/status").status() == 200 ? 0 : 1;
      }
      assertThat(errors).isBetween(60, 140);
      assertThat(Admin.post(f.sim.adminBase().resolve("faults/clear"), "").status()).isEqualTo(200);
      assertThat(http.get("/markets").status()).isEqualTo(200);
    }
  }

  @Test
  void perKeyReadLimitAnswers429UntilTheBucketRefills() throws Exception {
    try (SimFixture f = new SimFixture(dir, SimFixture.fastWorld(3, 50, 1))) {
      Admin.faults(f.sim, "rate-limit=20");
      Http signed = f.http();
      for (int i = 0; i < 20; i++) {
        assertThat(signed.get("/exchange/status").status()).as("request %d", i).isEqualTo(200);
      }
      Http.Reply over = signed.get("/exchange/status");
      assertThat(over.status()).isEqualTo(429);
      assertThat(over.retryAfter()).isEqualTo("1");
      assertThat(f.anonymous().get("/exchange/status").status())
          .as("another client")
          .isEqualTo(200);
      f.clock.advance(Duration.ofMillis(100));
      assertThat(signed.get("/exchange/status").status()).isEqualTo(200);
      assertThat(signed.get("/exchange/status").status()).isEqualTo(200);
      assertThat(signed.get("/exchange/status").status()).isEqualTo(429);
    }
  }

  @Test
  void maintenanceWindowFreezesTheExchange() throws Exception {
    try (SimFixture f = new SimFixture(dir, SimFixture.fastWorld(3, 200, 1))) {
      f.run(Duration.ofSeconds(3), Duration.ofMillis(100));
      Admin.faults(f.sim, "maintenance=10s");
      String status = f.http().ok("/exchange/status");
      assertThat(status)
          .startsWith(
              "{\"exchange_active\":false,\"trading_active\":false,\"exchange_estimated_resume_time\":");
      long before = f.sim.world().read(() -> f.sim.world().emittedCount());
      f.run(Duration.ofSeconds(5), Duration.ofMillis(100));
      assertThat(f.sim.world().read(() -> f.sim.world().emittedCount())).isEqualTo(before);
      f.run(Duration.ofSeconds(6), Duration.ofMillis(100));
      assertThat(f.http().ok("/exchange/status"))
          .isEqualTo("{\"exchange_active\":true,\"trading_active\":true}");
      assertThat(f.sim.world().read(() -> f.sim.world().emittedCount())).isGreaterThan(before);
    }
  }

  @Test
  void faultsFlagAppliesAtStartAndABadSpecFailsFast() throws Exception {
    SimConfig config =
        SimConfig.defaults(dir).withWorld(SimFixture.fastWorld(3, 50, 1)).withFaults("http-429=1");
    try (SimFixture f = new SimFixture(config)) {
      assertThat(f.http().get("/markets").status()).isEqualTo(429);
    }
    assertThatThrownBy(() -> new SimFixture(config.withFaults("http-429=2")))
        .hasMessageContaining("http-429 needs a fraction 0..1");
    assertThatThrownBy(() -> new SimFixture(config.withFaults("explode")))
        .hasMessageContaining("unknown fault \"explode\"");
    try (SimFixture f = new SimFixture(config.withFaults(null))) {
      Http.Reply bad = Admin.faults(f.sim, "delay=x");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("delay needs a non-negative integer");
    }
  }
}
