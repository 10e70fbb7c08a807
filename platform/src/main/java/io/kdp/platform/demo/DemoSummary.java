package io.kdp.platform.demo;

import io.kdp.platform.status.ExchangeProbe;
import io.kdp.platform.status.PlatformStatus;
import io.kdp.platform.verify.CheckResult;
import io.kdp.platform.verify.Verifier;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a demo run did, printed at the end of {@code --duration} and written by {@code --report}. A
 * null field means the part that would measure it did not run in this demo (its table does not
 * exist), never zero.
 *
 * @param run the data directory's run number
 * @param seconds how long the run lasted
 * @param messagesEmitted exchange messages emitted
 * @param tradesEmitted trades the exchange made during the run
 * @param tradesStored trades in production (every run of the data directory)
 * @param duplicates production trade rows beyond one per trade_id
 * @param bookMismatches sampled books that differ between production and the exchange
 * @param gapsOpened sequence gaps the gatherers detected
 * @param gapsHealed of which closed by a fresh snapshot
 * @param coverageHoles production coverage windows no gatherer covered cleanly
 * @param lagSeconds deduplicator lag at the end, worst gatherer
 * @param tradesMissing exchange trades of the verified window not in production
 * @param candleMismatches 1-minute candles that differ from the exchange's
 * @param verified every check of {@code kdp verify} passed
 * @param checks the checks of {@code kdp verify} over the run
 */
public record DemoSummary(
    int run,
    double seconds,
    long messagesEmitted,
    long tradesEmitted,
    Long tradesStored,
    Long duplicates,
    Long bookMismatches,
    Long gapsOpened,
    Long gapsHealed,
    Long coverageHoles,
    Double lagSeconds,
    Long tradesMissing,
    Long candleMismatches,
    boolean verified,
    List<CheckResult> checks) {

  /** Reads the summary off a running demo. */
  public static DemoSummary of(DemoPlatform demo, double seconds, Verifier.Result verify)
      throws SQLException {
    ExchangeProbe.Counts c = demo.exchange().read();
    Long stored = null;
    Long dups = null;
    Long holes = null;
    try (Connection db = demo.postgres().connect(DemoPlatform.PRODUCTION);
        Statement s = db.createStatement()) {
      if (exists(s, "trades")) {
        stored = single(s, "SELECT count(*) FROM trades");
        dups = single(s, "SELECT count(*) - count(DISTINCT trade_id) FROM trades");
      }
      if (exists(s, "coverage")) {
        holes = single(s, "SELECT count(*) FROM coverage WHERE gatherer IS NULL");
      }
    }
    Long opened = null;
    Long healed = null;
    for (String g : DemoPlatform.GATHERERS) {
      try (Connection db = demo.postgres().connect(DemoPlatform.timeseriesDatabase(g));
          Statement s = db.createStatement()) {
        if (exists(s, "sequence_gaps")) {
          opened = (opened == null ? 0 : opened) + single(s, "SELECT count(*) FROM sequence_gaps");
          healed =
              (healed == null ? 0 : healed)
                  + single(s, "SELECT count(*) FROM sequence_gaps WHERE recovered_at IS NOT NULL");
        }
      }
    }
    PlatformStatus.DedupView d = demo.status().latest().dedup();
    Double lag =
        d == null || d.lagSeconds().isEmpty()
            ? null
            : d.lagSeconds().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return new DemoSummary(
        demo.run(),
        seconds,
        c.messagesEmitted(),
        c.tradesEmitted(),
        stored,
        dups,
        find(verify, "books").map(x -> x.missing() + x.different()).orElse(null),
        opened,
        healed,
        holes,
        lag,
        find(verify, "trades").map(x -> x.missing()).orElse(null),
        find(verify, "candles_1m").map(x -> x.missing() + x.extra() + x.different()).orElse(null),
        verify.ok(),
        verify.checks());
  }

  private static Optional<CheckResult> find(Verifier.Result r, String check) {
    return r.checks().stream().filter(c -> c.check().equals(check)).findFirst();
  }

  private static boolean exists(Statement s, String table) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static long single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The summary as a short table for the terminal. */
  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "kdp demo: run %d finished after %.0f s%n", run, seconds);
    line(out, "exchange messages emitted", messagesEmitted);
    line(out, "trades emitted", tradesEmitted);
    line(out, "trades in production (all runs)", tradesStored);
    line(out, "duplicate trades", duplicates);
    line(out, "book mismatches", bookMismatches);
    line(out, "sequence gaps opened", gapsOpened);
    line(out, "sequence gaps healed", gapsHealed);
    line(out, "coverage holes", coverageHoles);
    line(out, "deduplicator lag (s)", lagSeconds);
    line(out, "trades missing (verify)", tradesMissing);
    line(out, "candle mismatches (verify)", candleMismatches);
    out.println("  verify: " + (verified ? "production matches the exchange" : "DIFFERENCES"));
  }

  private static void line(PrintStream out, String what, Object value) {
    out.printf(
        Locale.ROOT, "  %-32s %s%n", what, value == null ? "- (not running in this demo)" : value);
  }
}
