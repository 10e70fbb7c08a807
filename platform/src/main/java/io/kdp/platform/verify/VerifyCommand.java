package io.kdp.platform.verify;

import io.kdp.platform.demo.DemoCommand;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kdp verify}: production against the simulator's ground truth; non-zero on a difference.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Compare production with the exchange simulator's ground truth: trades as sets, 1-minute"
            + " candles, and books at sampled times (with --journal). Prints a table; exit code 1"
            + " on any difference.")
public final class VerifyCommand implements Callable<Integer> {

  @Option(
      names = "--sim",
      required = true,
      description = "simulator URL, e.g. http://127.0.0.1:8700 (/trade-api/v2 is added)")
  String sim;

  @Option(names = "--db", required = true, description = "production JDBC URL")
  String db;

  @Option(names = "--journal", description = "the simulator's --journal file (enables books)")
  Path journal;

  @Option(
      names = "--from",
      description = "window start, ISO-8601 (default: the exchange's earliest trade)")
  Instant from;

  @Option(
      names = "--settle",
      defaultValue = "30s",
      converter = DemoCommand.DurationConverter.class,
      description = "end the window this long before now, for the pipeline's lag (default 30s)")
  Duration settle;

  @Option(names = "--to", description = "window end, ISO-8601 (default: now - settle)")
  Instant to;

  @Option(names = "--candle-markets", defaultValue = "10", description = "markets (default 10)")
  int candleMarkets;

  @Option(names = "--book-samples", defaultValue = "5", description = "times (default 5)")
  int bookSamples;

  @Override
  public Integer call() throws Exception {
    String base = sim.endsWith("/") ? sim.substring(0, sim.length() - 1) : sim;
    URI rest = URI.create(base.endsWith("/trade-api/v2") ? base : base + "/trade-api/v2");
    long end = (to != null ? to : Instant.now().minus(settle)).getEpochSecond();
    Verifier.Result r =
        new Verifier(
                rest,
                db,
                journal,
                from == null ? null : from.getEpochSecond(),
                end,
                candleMarkets,
                bookSamples)
            .run();
    print(r, System.out);
    return r.ok() ? 0 : 1;
  }

  /** The result as a table. */
  public static void print(Verifier.Result r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "kdp verify: window %s .. %s%n",
        Instant.ofEpochSecond(r.fromSec()),
        Instant.ofEpochSecond(r.toSec()));
    out.printf(
        Locale.ROOT,
        "  %-12s %10s %9s %7s %10s %8s  %s%n",
        "check",
        "compared",
        "missing",
        "extra",
        "different",
        "skipped",
        "result");
    for (CheckResult c : r.checks()) {
      out.printf(
          Locale.ROOT,
          "  %-12s %10d %9d %7d %10d %8d  %s%n",
          c.check(),
          c.compared(),
          c.missing(),
          c.extra(),
          c.different(),
          c.skipped(),
          c.ok() ? "OK" : "DIFFERENT");
      for (String e : c.examples()) {
        out.println("      " + e);
      }
    }
    out.println(r.ok() ? "kdp verify: production matches the exchange" : "kdp verify: DIFFERENCES");
  }
}
