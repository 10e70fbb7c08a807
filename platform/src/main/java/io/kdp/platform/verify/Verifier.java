package io.kdp.platform.verify;

import io.kdp.platform.admin.ExchangeCandles;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.client.HttpClient;

/**
 * Compares production with the exchange's ground truth over a window of whole seconds: trades as
 * sets, 1-minute candles of the busiest markets, and (given the exchange's journal) books at
 * sampled times.
 *
 * @param restBase the exchange's REST base, e.g. {@code http://127.0.0.1:8700/trade-api/v2}
 * @param productionUrl production's JDBC URL
 * @param journal the simulator's ground-truth journal, or null to skip the book check
 * @param fromSec window start (inclusive), or null for the earliest trade the exchange reports
 * @param toSec window end (exclusive)
 * @param candleMarkets how many of the busiest markets to compare candles for
 * @param bookSamples how many times to compare books at
 */
public record Verifier(
    URI restBase,
    String productionUrl,
    Path journal,
    Long fromSec,
    long toSec,
    int candleMarkets,
    int bookSamples) {

  /** Runs every check; the window actually used is in the result. */
  public Result run() throws Exception {
    HttpClient http = new HttpClient();
    http.start();
    try (Connection db = DriverManager.getConnection(productionUrl)) {
      db.setReadOnly(true);
      long from = fromSec == null ? 0 : fromSec;
      List<TradeKey> trades = ExchangeTrades.fetch(http, restBase, from, toSec);
      if (fromSec == null && !trades.isEmpty()) {
        // start at the first whole second after the exchange's earliest trade still on its tape
        long earliest = trades.stream().mapToLong(TradeKey::timeMillis).min().orElseThrow();
        from = earliest / 1000 + 1;
        long f = from;
        trades = trades.stream().filter(t -> t.timeMillis() >= f * 1000).toList();
      }
      List<CheckResult> results = new ArrayList<>();
      results.add(TradesCheck.run(trades, db, from, toSec));
      results.add(
          CandlesCheck.run(
              new ExchangeCandles(http, restBase, InstantSource.system()),
              db,
              busiest(trades, candleMarkets),
              from,
              toSec));
      if (journal != null) {
        results.add(BooksCheck.run(journal, db, samples(from, toSec, bookSamples)));
      }
      return new Result(from, toSec, List.copyOf(results));
    } finally {
      http.stop();
    }
  }

  /** The checks run and the window they covered. */
  public record Result(long fromSec, long toSec, List<CheckResult> checks) {
    public boolean ok() {
      return checks.stream().allMatch(CheckResult::ok);
    }
  }

  private static List<String> busiest(List<TradeKey> trades, int n) {
    Map<String, Long> counts = new LinkedHashMap<>();
    trades.forEach(t -> counts.merge(t.market(), 1L, Long::sum));
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** {@code n} times evenly inside (from, to), in milliseconds, ascending. */
  private static List<Long> samples(long fromSec, long toSec, int n) {
    List<Long> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(fromSec * 1000 + (toSec - fromSec) * 1000 * i / (n + 1));
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }
}
