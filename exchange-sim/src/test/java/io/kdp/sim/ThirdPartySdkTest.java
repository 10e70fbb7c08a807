package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdp.sim.world.WorldParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unmodified third-party Kalshi client against the simulator: Kalshi's own TypeScript SDK
 * ({@code kalshi-typescript} from npm, REST, RSA-PSS signing) and the {@code ws} package (WebSocket
 * upgrade signed as Kalshi documents it), driven by {@code src/test/node/check.js}. Needs {@code
 * node} and {@code npm} (the npm registry is reachable in CI).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ThirdPartySdkTest {

  @TempDir Path dataDir;

  @Test
  void kalshisOwnTypeScriptSdkBrowsesPagesAndSubscribes() throws Exception {
    Path node = installNodeProject();
    SimConfig config = SimConfig.defaults(dataDir).withWorld(WorldParams.defaults(30, 200, 7));
    try (ExchangeSimulator sim = ExchangeSimulator.start(config)) {
      String out =
          run(
              node,
              "node",
              "check.js",
              sim.restBase().toString(),
              sim.wsUri().toString(),
              sim.keyId(),
              sim.privateKeyFile().toString());
      JsonNode seen = new ObjectMapper().readTree(out);

      assertThat(seen.path("exchangeActive").asBoolean()).isTrue();
      assertThat(seen.path("marketCount").asInt()).isGreaterThanOrEqualTo(30);
      assertThat(seen.path("distinctMarkets").asInt()).isEqualTo(seen.path("marketCount").asInt());
      assertThat(seen.path("pages").asInt()).isEqualTo((seen.path("marketCount").asInt() + 6) / 7);
      assertThat(seen.path("bookHasSides").asBoolean()).isTrue();
      assertThat(seen.path("batchTickers")).hasSize(3);
      assertThat(seen.path("tradeFieldsOk").asBoolean()).isTrue();
      assertThat(seen.path("seriesTicker").asText()).isNotEmpty();
      assertThat(seen.path("unauthorizedOrderbook").asInt())
          .as("the orderbook endpoint refuses an unsigned request")
          .isEqualTo(401);
      JsonNode ws = seen.path("ws");
      assertThat(ws.path("types").toString()).isEqualTo("[\"subscribed\",\"orderbook_snapshot\"]");
      assertThat(ws.path("snapshotTicker").asText()).isEqualTo(seen.path("oneTicker").asText());
      assertThat(ws.path("snapshotSeq").asInt()).isEqualTo(1);
    }
  }

  private static Path installNodeProject() throws Exception {
    Path source = Path.of("src/test/node");
    Path dir = Path.of("target/third-party-node");
    Files.createDirectories(dir);
    for (String file : List.of("package.json", "package-lock.json", "check.js")) {
      Files.copy(source.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(dir.resolve("node_modules/kalshi-typescript"))) {
      run(dir, "npm", "ci", "--no-audit", "--no-fund");
    }
    return dir;
  }

  private static String run(Path dir, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("third-party", ".log");
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectError(log.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new AssertionError(
          String.join(" ", command) + " failed:\n" + out + "\n" + Files.readString(log));
    }
    return out;
  }
}
