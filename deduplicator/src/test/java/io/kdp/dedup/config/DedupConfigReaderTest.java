package io.kdp.dedup.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DedupConfigReaderTest {

  private static final String GOOD =
      "kdp.dedup { production.url = \"jdbc:postgresql://p/prod\", gatherers = ["
          + " { name = a, timeseries-url = \"jdbc:postgresql://a/ts\", user = r },"
          + " { name = b, timeseries-url = \"jdbc:postgresql://b/ts\","
          + " metadata-url = \"jdbc:postgresql://b/md\" } ] }";

  private static DedupConfig read(String hocon, Map<String, String> env) {
    return DedupConfigReader.from(ConfigFactory.parseString(hocon), env);
  }

  @Test
  void defaultsFillWhatTheFileLeavesOut() {
    DedupConfig c = read(GOOD, Map.of());
    assertThat(c.window()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.grace()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.maxDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.batchSize()).isEqualTo(5000);
    assertThat(c.gatherers())
        .extracting(g -> g.name() + " " + g.timeseries().url() + " " + g.metadata().url())
        .containsExactly(
            "a jdbc:postgresql://a/ts jdbc:postgresql://a/ts",
            "b jdbc:postgresql://b/ts jdbc:postgresql://b/md");
    assertThat(c.gatherers().getFirst().timeseries().user()).isEqualTo("r");
  }

  @Test
  void environmentVariablesOverrideTheFile() {
    DedupConfig c =
        read(GOOD, Map.of("KDP_DEDUP_WINDOW", "5s", "KDP_DEDUP_PRODUCTION_PASSWORD", "s3cret"));
    assertThat(c.window()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.production().password()).isEqualTo("s3cret");
    assertThat(c.production().toString()).doesNotContain("s3cret");
  }

  @Test
  void badValuesFailNamingTheKey() {
    assertThatThrownBy(() -> read(GOOD, Map.of("KDP_DEDUP_WINDOW", "-1s")))
        .hasMessageStartingWith("kdp.dedup.window:");
    assertThatThrownBy(() -> read(GOOD, Map.of("KDP_DEDUP_BATCH_SIZE", "lots")))
        .hasMessageStartingWith("kdp.dedup.batch-size:");
    assertThatThrownBy(() -> read("kdp.dedup { production.url = x, gatherers = [] }", Map.of()))
        .hasMessageStartingWith("kdp.dedup.gatherers:");
    assertThatThrownBy(() -> read("kdp.dedup { gatherers = [] }", Map.of()))
        .hasMessageStartingWith("kdp.dedup.production.url:");
    assertThatThrownBy(() -> read(GOOD.replace("kdp.dedup {", "kdp.dedup { windw = 3s,"), Map.of()))
        .hasMessageStartingWith("kdp.dedup.windw: unknown key");
    assertThatThrownBy(() -> read(GOOD.replace("name = b", "name = a"), Map.of()))
        .hasMessageStartingWith("kdp.dedup.gatherers[1].name:");
  }
}
