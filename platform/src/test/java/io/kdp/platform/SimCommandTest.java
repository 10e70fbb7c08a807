package io.kdp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.sim.SimConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code kdp sim} options become the simulator's configuration. */
class SimCommandTest {

  @Test
  void optionsMapOntoTheSimulatorConfig() {
    SimCommand cmd = new SimCommand();
    new CommandLine(cmd)
        .parseArgs(
            "--port",
            "8700",
            "--markets",
            "50",
            "--rate",
            "500",
            "--seed",
            "9",
            "--faults",
            "skip-seq=1@30s",
            "--journal",
            "/tmp/j.jsonl",
            "--data-dir",
            "/tmp/d",
            "--ws-market-cap",
            "256");
    SimConfig c = cmd.config();
    assertThat(c.port()).isEqualTo(8700);
    assertThat(c.world().liveMarkets()).isEqualTo(50);
    assertThat(c.world().messagesPerSecond()).isEqualTo(500.0);
    assertThat(c.world().seed()).isEqualTo(9);
    assertThat(c.faults()).isEqualTo("skip-seq=1@30s");
    assertThat(c.journal()).isEqualTo(Path.of("/tmp/j.jsonl"));
    assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/d"));
    assertThat(c.wsMarketCap()).isEqualTo(256);
    assertThat(c.authKeysDir()).isNull();
    assertThat(c.autoStep()).isTrue();
  }

  @Test
  void portIsRequired() {
    int code =
        new CommandLine(new Kdp())
            .setErr(new java.io.PrintWriter(new java.io.StringWriter()))
            .execute("sim");
    assertThat(code).isEqualTo(2);
  }
}
