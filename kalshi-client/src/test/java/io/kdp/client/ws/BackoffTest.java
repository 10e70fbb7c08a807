package io.kdp.client.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

  /** A "random" source that always returns the lowest or the highest value. */
  static RandomGenerator extreme(boolean high) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public long nextLong(long bound) {
        return high ? bound - 1 : 0;
      }
    };
  }

  @Test
  void doublesUpToTheCapWithinHalfToFullAndResets() {
    for (boolean high : new boolean[] {false, true}) {
      Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), extreme(high));
      List<Long> delays = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        delays.add(b.nextDelayMillis());
      }
      List<Long> ceilings =
          List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L, 30000L);
      assertThat(delays).isEqualTo(ceilings.stream().map(c -> high ? c : c / 2).toList());
      b.reset();
      assertThat(b.attempts()).isZero();
      assertThat(b.nextDelayMillis()).isEqualTo(high ? 500 : 250);
    }
  }

  @Test
  void jitterSpreadsAFleet() {
    java.util.Set<Long> firstDelays = new java.util.HashSet<>();
    for (int seed = 0; seed < 50; seed++) {
      Backoff b =
          new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new java.util.Random(seed));
      long d = b.nextDelayMillis();
      assertThat(d).isBetween(500L, 1000L);
      firstDelays.add(d);
    }
    assertThat(firstDelays).hasSizeGreaterThan(30);
  }
}
