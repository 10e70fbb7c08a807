package io.kdp.dedup;

import io.kdp.dedup.config.DedupConfigReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;

/**
 * The deduplicator as a separate JVM for {@link DedupKilledMidRunTest}: {@code CONFIG_FILE
 * CLOCK_MICROS}; runs until killed, on a clock fixed at {@code CLOCK_MICROS}.
 */
public final class KillableDedupMain {

  private KillableDedupMain() {}

  public static void main(String[] args) throws Exception {
    var config = DedupConfigReader.read(Path.of(args[0]), Map.of());
    var clock = new Fixture.TestClock(Long.parseLong(args[1]));
    try (Deduplicator d = Deduplicator.open(config, clock, new SimpleMeterRegistry())) {
      System.out.println("started");
      d.run();
    }
  }
}
