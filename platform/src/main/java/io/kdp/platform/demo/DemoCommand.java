package io.kdp.platform.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kdp.platform.StartupErrors;
import io.kdp.platform.verify.Verifier;
import io.kdp.platform.verify.VerifyCommand;
import io.kdp.store.schema.IncompatibleSchemaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code kdp demo}: the whole platform on this machine, with nothing installed but a JDK. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the whole platform on this machine: embedded PostgreSQL, S3, the simulated exchange"
            + " and the status page. Ctrl-C stops it; a second run resumes from --data-dir.")
public final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--duration",
      converter = DurationConverter.class,
      description = "stop by itself after this long (e.g. 60s, 5m) and print a summary")
  Duration duration;

  @Option(
      names = "--markets",
      defaultValue = "200",
      description = "live markets (default ${DEFAULT-VALUE})")
  int markets;

  @Option(
      names = "--rate",
      defaultValue = "2000",
      description = "exchange messages per second (default ${DEFAULT-VALUE})")
  double rate;

  @Option(names = "--seed", defaultValue = "1", description = "world seed (default 1)")
  long seed;

  @Option(
      names = "--chaos",
      description = "kill and restart roles and inject exchange faults on a schedule")
  boolean chaos;

  @Option(names = "--report", description = "write the summary as JSON to this file")
  Path report;

  @Option(
      names = "--data-dir",
      defaultValue = "kdp-demo-data",
      description = "where everything is kept between runs (default ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(
      names = "--port",
      defaultValue = "8800",
      description = "status page port, 0 = any free port (default ${DEFAULT-VALUE})")
  int port;

  @Override
  public Integer call() throws Exception {
    DemoOptions options =
        new DemoOptions(duration, markets, rate, seed, chaos, report, dataDir, port);
    DemoPlatform demo;
    try {
      demo = DemoPlatform.start(options);
    } catch (Exception e) {
      IncompatibleSchemaException schema = StartupErrors.incompatibleSchema(e);
      if (schema == null) {
        throw e;
      }
      System.err.println("kdp demo: " + schema.getMessage());
      System.err.println(
          "kdp demo: the data directory "
              + dataDir.toAbsolutePath()
              + " was made by an incompatible build; delete it (or pass another --data-dir)"
              + " to start afresh");
      return StartupErrors.EXIT;
    }
    long startNanos = System.nanoTime();
    CountDownLatch interrupted = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              interrupted.countDown();
              System.out.println("kdp demo: stopping...");
              demo.close();
            },
            "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (DemoChaos chaosMonkey = chaos ? DemoChaos.start(demo) : null) {
      demo.printUrls(System.out);
      if (chaosMonkey != null) {
        System.out.println("  chaos           " + chaosMonkey.describe());
      }
      if (duration == null) {
        interrupted.await();
        return 0;
      }
      if (interrupted.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
        return 130;
      }
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.println(
        "kdp demo: time is up; every role back up, waiting for production to catch up");
    Verifier.Result verify = DemoVerification.run(demo, demo.rolesStartedAt().getEpochSecond() + 2);
    VerifyCommand.print(verify, System.out);
    DemoSummary summary = DemoSummary.of(demo, seconds, verify);
    Runtime.getRuntime().removeShutdownHook(hook);
    demo.close();
    summary.print(System.out);
    if (report != null) {
      Path parent = report.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(report.toFile(), summary);
      System.out.println("kdp demo: report written to " + report.toAbsolutePath());
    }
    return summary.verified() ? 0 : 1;
  }

  /** {@code 90s}, {@code 5m}, {@code 1h}, {@code 500ms}, or ISO-8601 {@code PT5M}. */
  public static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      String t = text.strip().toLowerCase(java.util.Locale.ROOT);
      if (t.startsWith("pt")) {
        return Duration.parse(t);
      }
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(t);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a duration: " + text + " (e.g. 60s, 5m, 1h)");
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
  }
}
