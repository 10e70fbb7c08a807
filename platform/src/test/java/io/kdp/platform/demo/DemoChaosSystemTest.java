package io.kdp.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole platform through chaos: {@code kdp demo --chaos} for two minutes (gatherers killed and
 * restarted one at a time, the deduplicator stopped, the exchange's faults injected), then every
 * role restored and {@code kdp verify} over the run. No trade lost, none doubled, candles equal to
 * the exchange's, books exact outside windows marked in {@code coverage}.
 */
@Timeout(900)
class DemoChaosSystemTest {

  @TempDir Path dir;

  @Test
  void twoMinutesOfChaosThenProductionMatchesTheExchange() throws Exception {
    Path report = dir.resolve("report.json");
    int code =
        new CommandLine(new DemoCommand())
            .execute(
                "--duration",
                "120s",
                "--chaos",
                "--markets",
                "40",
                "--rate",
                "400",
                "--port",
                "0",
                "--data-dir",
                dir.resolve("data").toString(),
                "--report",
                report.toString());
    JsonNode r = new ObjectMapper().readTree(report.toFile());
    assertThat(r.path("tradesEmitted").asLong()).isGreaterThan(1000);
    assertThat(r.path("checks").toString()).isNotEmpty();
    assertThat(r.path("tradesMissing").asLong()).as(r.toPrettyString()).isZero();
    assertThat(r.path("duplicates").asLong()).as(r.toPrettyString()).isZero();
    assertThat(r.path("candleMismatches").asLong()).as(r.toPrettyString()).isZero();
    assertThat(r.path("bookMismatches").asLong()).as(r.toPrettyString()).isZero();
    assertThat(r.path("verified").asBoolean()).as(r.toPrettyString()).isTrue();
    assertThat(code).isZero();
  }
}
