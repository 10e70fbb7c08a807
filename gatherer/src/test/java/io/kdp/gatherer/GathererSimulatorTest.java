package io.kdp.gatherer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One gatherer against the simulator on port 0 and an embedded PostgreSQL: after the exchange stops
 * moving, the database holds every simulator trade exactly once, each book-subscribed market's
 * stored snapshot plus deltas replay to the simulator's book, and the admin port reports it.
 */
@Timeout(240)
class GathererSimulatorTest {

  @TempDir Path dir;

  @Test
  void everyTradeIsStoredOnceAndEveryBookReplaysToTheExchangesBook() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (SimExchange exchange = new SimExchange(dir, 12, 300);
        Gatherer gatherer =
            Gatherer.open(exchange.config("a", db), InstantSource.system()).start()) {
      await("lifecycle activations book-subscribing every market")
          .atMost(Duration.ofSeconds(90))
          .until(() -> gatherer.connections().bookMarkets().size() == 12);
      await("trades arriving over the WebSocket")
          .atMost(Duration.ofSeconds(90))
          .until(() -> Books.tradesFrom(db, "ws") >= 100);
      HttpResponse<String> metrics = get(gatherer, "/metrics");
      HttpResponse<String> health = get(gatherer, "/health");

      exchange.freeze();

      exchange.assertRecordedCompletely(db, "a", gatherer.connections().bookMarkets());
      await("loaded-up-to reaching the journal's end, also for tables with no rows")
          .atMost(Duration.ofSeconds(30))
          .until(() -> gatherer.routing().backlog() == 0);
      List<String> markets = gatherer.connections().bookMarkets();
      assertThat(gatherer.poller().poll()).isEqualTo(markets.size());
      for (String market : markets) {
        assertThat(Books.latestRest(db, market)).as(market).isEqualTo(Books.replay(db, market));
      }
      long newestBookRow =
          Books.count(
              db,
              "SELECT (extract(epoch FROM max(received_at)) * 1000000)::bigint FROM"
                  + " orderbook_deltas");
      await("the stream watermark past every stored book row")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Books.count(
                          db,
                          "SELECT coalesce((extract(epoch FROM max(complete_through)) *"
                              + " 1000000)::bigint, 0) FROM stream_watermarks WHERE gatherer ="
                              + " 'a'")
                      > newestBookRow);
      assertThat(gatherer.routing().spilledFrames()).isZero();
      assertThat(gatherer.routing().framesDecodedByRouter())
          .as("live frames are decoded once, by the client")
          .isZero();
      await("each book connection's own watermark at or past its newest stored delta")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Books.count(
                          db,
                          "SELECT count(*) FROM (SELECT connection_id, max(received_at) AS newest"
                              + " FROM orderbook_deltas GROUP BY connection_id) d LEFT JOIN"
                              + " connection_watermarks w ON w.gatherer = 'a' AND"
                              + " w.connection_id = d.connection_id WHERE w.complete_through IS"
                              + " NULL OR w.complete_through < d.newest")
                      == 0);
      await("a quiet book connection's watermark moved on by the exchange's heartbeat pings")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Books.count(
                          db,
                          "SELECT coalesce(max((extract(epoch FROM complete_through) *"
                              + " 1000000)::bigint), 0) FROM connection_watermarks WHERE gatherer"
                              + " = 'a' AND NOT closed")
                      > newestBookRow + 1_000_000);
      assertThat(Books.count(db, "SELECT count(*) FROM series")).isPositive();
      assertThat(Books.count(db, "SELECT count(*) FROM events")).isPositive();
      assertThat(Books.count(db, "SELECT count(*) FROM markets")).isEqualTo(12);
      assertThat(metrics.body())
          .contains("kdp_gatherer_messages_total{channel=\"orderbook_delta\",gatherer=\"a\"}");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body())
          .startsWith("{\"status\":\"UP\",\"database\":\"up\",\"routing\":\"live\"");
    }
  }

  @Test
  void aRestartedGathererBackFillsTheTradesOfItsDownWindow() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (SimExchange exchange = new SimExchange(dir, 8, 300)) {
      try (Gatherer first =
          Gatherer.open(exchange.config("a", db), InstantSource.system()).start()) {
        await().atMost(Duration.ofSeconds(90)).until(() -> Books.tradesFrom(db, "ws") >= 50);
      }
      int atStop = exchange.tradeCount();
      await("the exchange trading while the gatherer is down")
          .atMost(Duration.ofSeconds(90))
          .until(() -> exchange.tradeCount() >= atStop + 50);
      try (Gatherer second =
          Gatherer.open(exchange.config("a", db), InstantSource.system()).start()) {
        await("the back-fill of the down window")
            .atMost(Duration.ofSeconds(90))
            .until(() -> second.metrics().backfilledTrades().count() >= 50);
        exchange.freeze();

        exchange.assertRecordedCompletely(db, "a", second.connections().bookMarkets());
      }
    }
  }

  private static HttpResponse<String> get(Gatherer g, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.adminPort() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
