package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The same seed and the same step times give the same world, byte for byte over REST. */
@Timeout(60)
class DeterminismTest {

  @TempDir Path dir;

  @Test
  void sameSeedSameWorldOtherSeedOtherWorld() throws Exception {
    String a = snapshot(dir.resolve("a"), 42);
    String b = snapshot(dir.resolve("b"), 42);
    String c = snapshot(dir.resolve("c"), 43);
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  private static String snapshot(Path data, long seed) throws Exception {
    try (SimFixture f = new SimFixture(data, SimFixture.fastWorld(15, 300, seed))) {
      f.run(Duration.ofSeconds(70), Duration.ofMillis(50));
      Http http = f.http();
      StringBuilder sb = new StringBuilder();
      sb.append(http.ok("/markets?limit=1000")).append('\n');
      sb.append(http.ok("/events?limit=200&with_nested_markets=true")).append('\n');
      sb.append(http.ok("/markets/trades?limit=1000")).append('\n');
      sb.append(http.ok("/series")).append('\n');
      String ticker = f.sim.world().read(() -> f.sim.world().markets().get(0).ticker);
      sb.append(http.ok("/markets/" + ticker + "/orderbook"));
      return sb.toString();
    }
  }
}
