package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.rest.wire.MarketsPage;
import io.kdp.client.rest.wire.TradesPage;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every REST endpoint through a real HTTP client, each response checked against Kalshi's OpenAPI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class RestApiTest {

  SimFixture f;
  Http http;
  SpecSchemas spec = SpecSchemas.openApi();

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    f = new SimFixture(dir, SimFixture.fastWorld(20, 400, 7));
    f.run(Duration.ofSeconds(90), Duration.ofMillis(100));
    http = f.http();
  }

  @AfterAll
  void stop() throws Exception {
    f.close();
  }

  @Test
  void exchangeEndpointsMatchTheSpec() {
    spec.assertValid("ExchangeStatus", http.ok("/exchange/status"));
    assertThat(http.ok("/exchange/status")).contains("\"exchange_active\":true");
    spec.assertValid("GetExchangeScheduleResponse", http.ok("/exchange/schedule"));
    spec.assertValid("GetHistoricalCutoffResponse", http.ok("/historical/cutoff"));
  }

  @Test
  void marketsListAndSingleMarketMatchTheSpec() throws Exception {
    String body = http.ok("/markets?limit=1000");
    spec.assertValid("GetMarketsResponse", body);
    MarketsPage page = KalshiJson.mapper().readValue(body, MarketsPage.class);
    assertThat(page.cursor()).isEmpty();
    assertThat(page.markets()).extracting(m -> m.status()).contains("active", "finalized");
    for (var m : page.markets().subList(0, 5)) {
      spec.assertValid("GetMarketResponse", http.ok("/markets/" + m.ticker()));
    }
    assertThat(page.markets()).anyMatch(m -> m.priceLevelStructure().equals("deci_cent"));
    assertThat(page.markets()).anyMatch(m -> m.fractionalTradingEnabled());
  }

  @Test
  void orderbooksAreBidsOnlyAscendingAndMatchTheSpec() throws Exception {
    String ticker = openTicker();
    String body = http.ok("/markets/" + ticker + "/orderbook");
    spec.assertValid("GetMarketOrderbookResponse", body);
    JsonNode yes = KalshiJson.mapper().readTree(body).path("orderbook_fp").path("yes_dollars");
    for (int i = 1; i < yes.size(); i++) {
      assertThat(yes.get(i).get(0).asText()).isGreaterThan(yes.get(i - 1).get(0).asText());
    }
    String top2 = http.ok("/markets/" + ticker + "/orderbook?depth=2");
    JsonNode top = KalshiJson.mapper().readTree(top2).path("orderbook_fp").path("yes_dollars");
    assertThat(top.size()).isLessThanOrEqualTo(2);
    if (yes.size() >= 2) {
      assertThat(top.get(top.size() - 1)).isEqualTo(yes.get(yes.size() - 1));
    }
    String batch = http.ok("/markets/orderbooks?tickers=" + ticker + "&tickers=" + ticker);
    spec.assertValid("GetMarketOrderbooksResponse", batch);
  }

  @Test
  void tradesEventsSeriesAndCandlesMatchTheSpec() throws Exception {
    String trades = http.ok("/markets/trades?limit=200");
    spec.assertValid("GetTradesResponse", trades);
    TradesPage page = KalshiJson.mapper().readValue(trades, TradesPage.class);
    assertThat(page.trades()).hasSize(200);
    for (var t : page.trades()) {
      assertThat(
              io.kdp.client.model.Dollars.parse(t.yesPriceDollars())
                  + io.kdp.client.model.Dollars.parse(t.noPriceDollars()))
          .isEqualTo(1_000_000L);
    }
    spec.assertValid("GetEventsResponse", http.ok("/events?with_nested_markets=true"));
    String event =
        KalshiJson.mapper()
            .readTree(http.ok("/events?limit=1"))
            .path("events")
            .get(0)
            .path("event_ticker")
            .asText();
    spec.assertValid("GetEventResponse", http.ok("/events/" + event + "?with_nested_markets=true"));
    spec.assertValid("GetSeriesListResponse", http.ok("/series?include_volume=true"));
    spec.assertValid("GetSeriesResponse", http.ok("/series/KXHIGHNY"));
    var trade = page.trades().get(0);
    String series = trade.ticker().substring(0, trade.ticker().indexOf('-'));
    long now = f.clock.millis() / 1000;
    for (int interval : new int[] {1, 60, 1440}) {
      String candles =
          http.ok(
              "/series/"
                  + series
                  + "/markets/"
                  + trade.ticker()
                  + "/candlesticks?start_ts="
                  + (now - 3600)
                  + "&end_ts="
                  + now
                  + "&period_interval="
                  + interval);
      spec.assertValid("GetMarketCandlesticksResponse", candles);
    }
    String minutes =
        http.ok(
            "/series/"
                + series
                + "/markets/"
                + trade.ticker()
                + "/candlesticks?start_ts="
                + (now - 3600)
                + "&end_ts="
                + (now + 60)
                + "&period_interval=1");
    JsonNode sticks = KalshiJson.mapper().readTree(minutes).path("candlesticks");
    long volume = 0;
    for (JsonNode c : sticks) {
      assertThat(c.path("end_period_ts").asLong() % 60).isZero();
      volume += io.kdp.client.model.Contracts.parse(c.path("volume_fp").asText());
    }
    String market = http.ok("/markets/" + trade.ticker());
    assertThat(volume)
        .as(minutes + "\n" + market)
        .isEqualTo(
            io.kdp.client.model.Contracts.parse(
                KalshiJson.mapper().readTree(market).path("market").path("volume_fp").asText()));
  }

  @Test
  void unknownTickersAre404WithKalshiErrorBody() {
    for (String path :
        new String[] {
          "/markets/NOPE-1", "/events/NOPE", "/series/NOPE", "/markets/NOPE-1/orderbook"
        }) {
      Http.Reply r = http.get(path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.body()).contains("\"service\":\"exchange\"").contains("\"code\":");
    }
  }

  private String openTicker() throws Exception {
    MarketsPage open =
        KalshiJson.mapper().readValue(http.ok("/markets?status=open&limit=5"), MarketsPage.class);
    return open.markets().get(0).ticker();
  }
}
