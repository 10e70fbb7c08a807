package io.kdp.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The deduplicator run as its own JVM and killed with SIGKILL at random moments, restarted each
 * time: production ends identical, table by table, to an uninterrupted run.
 */
@Timeout(300)
class DedupKilledMidRunTest {

  private static final long SECOND = 1_000_000;

  @Test
  void killedWithSigkillRepeatedlyEndsIdenticalToACleanRun() throws Exception {
    ExchangeScript script = new ExchangeScript(31, 4, 40 * SECOND);
    Map<String, TestDatabase> gatherers = new LinkedHashMap<>();
    gatherers.put(
        "a", loaded(script.record("a", 5_000, List.of(DeduplicatorTest.window(9, 15)), 0)));
    gatherers.put("b", loaded(script.record("b", 6_000, List.of(), ExchangeScript.t(21.7))));
    gatherers.put(
        "c", loaded(script.record("c", 7_000, List.of(DeduplicatorTest.window(27, 31)), 0)));
    long now = script.endMicros() + 5 * SECOND;

    TestDatabase clean = SharedPostgres.createDatabase();
    try (Deduplicator d =
        Deduplicator.open(
            Fixture.config(clean, gatherers).withBatchSize(150),
            new Fixture.TestClock(now),
            new SimpleMeterRegistry())) {
      Runs.untilDecided(d, script.endMicros());
    }

    TestDatabase killed = SharedPostgres.createDatabase();
    Path conf = Files.createTempFile(Path.of("target"), "dedup-", ".conf");
    Files.writeString(conf, hocon(killed, gatherers));
    Random random = new Random(5);
    Path log = Path.of("target", "killable-dedup.log");
    for (int kill = 0; kill < 6; kill++) {
      Process child =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-cp",
                  System.getProperty("java.class.path"),
                  KillableDedupMain.class.getName(),
                  conf.toString(),
                  Long.toString(now))
              .redirectErrorStream(true)
              .start();
      AtomicBoolean started = new AtomicBoolean();
      Thread.ofVirtual()
          .start(
              () -> {
                try (var lines = child.inputReader().lines()) {
                  lines.forEach(
                      line -> {
                        started.compareAndSet(false, line.equals("started"));
                        append(log, line);
                      });
                }
              });
      await("child " + kill + " started (see " + log + ")")
          .atMost(Duration.ofSeconds(90))
          .untilTrue(started);
      boolean exited = child.waitFor(200 + random.nextInt(2300), TimeUnit.MILLISECONDS);
      assertThat(exited).as("the child runs until killed (see %s)", log).isFalse();
      child.destroyForcibly(); // SIGKILL
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (Connection c = killed.connect()) {
      assertThat(Fixture.rows(c, "SELECT count(*) > 0 FROM sync_cursors"))
          .as("the killed children merged something (see %s)", log)
          .containsExactly("t");
    }
    try (Deduplicator d =
        Deduplicator.open(
            Fixture.config(killed, gatherers).withBatchSize(150),
            new Fixture.TestClock(now),
            new SimpleMeterRegistry())) {
      Runs.untilDecided(d, script.endMicros());
    }
    try (Connection a = clean.connect();
        Connection b = killed.connect()) {
      for (String sql : DeduplicatorRestartTest.TABLES) {
        assertThat(Fixture.rows(b, sql)).as(sql).isEqualTo(Fixture.rows(a, sql));
      }
      DeduplicatorTest.assertBooksEqualTruth(script, b);
    }
  }

  private static TestDatabase loaded(ExchangeScript.Recorded r) throws Exception {
    TestDatabase db = Fixture.gathererDatabase();
    Fixture.load(db, r, Long.MIN_VALUE, Long.MAX_VALUE);
    return db;
  }

  private static String hocon(TestDatabase production, Map<String, TestDatabase> gatherers) {
    List<String> gs = new ArrayList<>();
    gatherers.forEach(
        (name, db) ->
            gs.add(
                "{ name = "
                    + name
                    + ", timeseries-url = \""
                    + Fixture.url(db)
                    + "\", user = "
                    + Fixture.READER
                    + " }"));
    return "kdp.dedup {\n  production { url = \""
        + Fixture.url(production)
        + "\", user = postgres }\n  gatherers = ["
        + String.join(", ", gs)
        + "]\n  batch-size = 150\n  max-delay = 10m\n  backoff { initial = 50ms, max = 200ms }\n}\n";
  }

  private static synchronized void append(Path log, String line) {
    try {
      Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static {
    new File("target").mkdirs();
  }
}
