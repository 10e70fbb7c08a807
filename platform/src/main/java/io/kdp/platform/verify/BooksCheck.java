package io.kdp.platform.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Book replay at sampled times: the exchange's book of every market at T (its journal's deltas up
 * to T, books starting empty) against production's (its ws and resync snapshots and deltas up to T,
 * in (time, connection, sid, seq) order). A market production has no snapshot for by T, or whose T
 * lies in a {@code coverage} hole, is skipped and counted.
 */
final class BooksCheck {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REPLAY =
      "SELECT market, side, price, delta, yes_prices, yes_sizes, no_prices, no_sizes FROM ("
          + " SELECT market, time, connection_id, sid, seq, null AS side, 0 AS price, 0 AS delta,"
          + " yes_prices, yes_sizes, no_prices, no_sizes FROM orderbook_snapshots"
          + " WHERE source IN ('ws', 'resync') AND time <= to_timestamp(? / 1000.0)"
          + " UNION ALL SELECT market, time, connection_id, sid, seq, side, price, delta,"
          + " null, null, null, null FROM orderbook_deltas WHERE time <= to_timestamp(? / 1000.0)"
          + ") r ORDER BY time, connection_id, sid, seq";
  private static final String HOLES =
      "SELECT market FROM coverage WHERE gatherer IS NULL"
          + " AND window_start <= to_timestamp(? / 1000.0) AND window_end > to_timestamp(? / 1000.0)";

  private BooksCheck() {}

  static CheckResult run(Path journal, Connection production, List<Long> sampleMillis)
      throws Exception {
    List<String> examples = new ArrayList<>();
    long compared = 0;
    long different = 0;
    long missing = 0;
    long skipped = 0;
    List<Books> truth = replayJournal(journal, sampleMillis);
    for (int i = 0; i < sampleMillis.size(); i++) {
      long t = sampleMillis.get(i);
      Books exchange = truth.get(i);
      Books stored = replayProduction(production, t);
      Set<String> holes = holes(production, t);
      for (String market : exchange.marketTickers()) {
        if (holes.contains(market)) {
          skipped++;
          continue;
        }
        if (!stored.has(market)) {
          missing++;
          TradesCheck.note(examples, "no production book for " + market + " at " + t);
          continue;
        }
        compared++;
        String want = exchange.describe(market);
        String got = stored.describe(market);
        if (!want.equals(got)) {
          different++;
          TradesCheck.note(
              examples, market + " at " + t + ": exchange " + want + " production " + got);
        }
      }
    }
    return new CheckResult("books", compared, missing, 0, different, skipped, examples);
  }

  /** The exchange's books at each sample time (ascending), from one pass over the journal. */
  private static List<Books> replayJournal(Path journal, List<Long> samples) throws Exception {
    List<Books> out = new ArrayList<>();
    Books books = new Books();
    int next = 0;
    try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null && next < samples.size()) {
        if (!line.contains("\"type\":\"orderbook_delta\"")) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        long ts = n.path("ts_ms").asLong();
        while (next < samples.size() && ts > samples.get(next)) {
          out.add(books.copy());
          next++;
        }
        JsonNode m = n.path("msg");
        books.apply(
            m.path("market_ticker").asText(),
            m.path("side").asText(),
            Dollars.parse(m.path("price_dollars").asText()),
            Contracts.parse(m.path("delta_fp").asText()));
      }
    }
    while (out.size() < samples.size()) {
      out.add(books);
    }
    return out;
  }

  private static Books replayProduction(Connection c, long t) throws SQLException {
    Books books = new Books();
    try (PreparedStatement q = c.prepareStatement(REPLAY)) {
      q.setLong(1, t);
      q.setLong(2, t);
      q.setFetchSize(10_000);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String market = rs.getString(1);
          String side = rs.getString(2);
          if (side == null) {
            books.reset(
                market,
                longs(rs.getArray(5)),
                longs(rs.getArray(6)),
                longs(rs.getArray(7)),
                longs(rs.getArray(8)));
          } else if (books.has(market)) {
            books.apply(market, side, rs.getLong(3), rs.getLong(4));
          }
        }
      }
    }
    return books;
  }

  private static Set<String> holes(Connection c, long t) throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement q = c.prepareStatement(HOLES)) {
      q.setLong(1, t);
      q.setLong(2, t);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static long[] longs(Array a) throws SQLException {
    Long[] boxed = (Long[]) a.getArray();
    long[] out = new long[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      out[i] = boxed[i];
    }
    return out;
  }
}
