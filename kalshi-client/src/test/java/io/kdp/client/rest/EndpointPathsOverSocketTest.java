package io.kdp.client.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.config.KalshiClientConfig;
import io.kdp.client.config.KalshiEnvironment;
import io.kdp.client.rest.ScriptedKalshiServer.Reply;
import io.kdp.client.rest.ScriptedKalshiServer.Seen;
import io.kdp.client.rest.wire.Market;
import io.kdp.client.rest.wire.Trade;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every client method sends Kalshi's path and query string (over a real socket to a scripted
 * server), including the historical endpoints the simulator does not serve; unsigned without a key.
 */
@Timeout(30)
class EndpointPathsOverSocketTest {

  static final String P = "/trade-api/v2";
  static final Instant T1 = Instant.ofEpochSecond(1_746_000_000L);
  static final Instant T2 = Instant.ofEpochSecond(1_746_003_600L);

  ScriptedKalshiServer server;
  KalshiRestClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedKalshiServer();
    client =
        KalshiRestClient.open(
            KalshiClientConfig.anonymous(KalshiEnvironment.localhost(server.port())),
            new RateLimiterRegistry(TokenBucket::perSecond),
            RestTransport.Settings.defaults(),
            null);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  Seen last() {
    return server.seen.get(server.seen.size() - 1);
  }

  @Test
  void singleResources() {
    server.script(
        P + "/exchange/schedule",
        Reply.json(200, "{\"schedule\":{\"standard_hours\":[],\"maintenance_windows\":[]}}"));
    assertThat(client.exchangeSchedule().standardHours()).isEmpty();
    server.script(
        P + "/markets/FED-23DEC-T3.00",
        Reply.json(200, "{\"market\":{\"ticker\":\"FED-23DEC-T3.00\"}}"));
    assertThat(client.market("FED-23DEC-T3.00").ticker()).isEqualTo("FED-23DEC-T3.00");
    server.script(
        P + "/historical/markets/OLD-1",
        Reply.json(200, "{\"market\":{\"ticker\":\"OLD-1\",\"status\":\"finalized\"}}"));
    assertThat(client.historicalMarket("OLD-1").status()).isEqualTo("finalized");
    server.script(
        P + "/markets/X-1/orderbook",
        Reply.json(200, "{\"orderbook_fp\":{\"yes_dollars\":[],\"no_dollars\":[]}}"));
    assertThat(client.orderbook("X-1", 5))
        .isEqualTo(new RestOrderbook("X-1", List.of(), List.of()));
    assertThat(last().query()).isEqualTo("depth=5");
    assertThat(last().kalshiHeaders()).as("no key configured: unsigned").isEmpty();
    server.script(
        P + "/events/EV-1",
        Reply.json(200, "{\"event\":{\"event_ticker\":\"EV-1\",\"markets\":[]},\"markets\":[]}"));
    assertThat(client.event("EV-1", true).event().eventTicker()).isEqualTo("EV-1");
    assertThat(last().query()).isEqualTo("with_nested_markets=true");
    server.script(
        P + "/series/KXHIGHNY", Reply.json(200, "{\"series\":{\"ticker\":\"KXHIGHNY\"}}"));
    assertThat(client.series("KXHIGHNY").ticker()).isEqualTo("KXHIGHNY");
    server.script(
        P + "/series", Reply.json(200, "{\"series\":[{\"ticker\":\"A\"},{\"ticker\":\"B\"}]}"));
    assertThat(client.seriesList("Economics", true))
        .extracting(s -> s.ticker())
        .containsExactly("A", "B");
    assertThat(last().query()).isEqualTo("category=Economics&include_volume=true");
    server.script(
        P + "/series/S/markets/T-1/candlesticks",
        Reply.json(200, "{\"ticker\":\"T-1\",\"candlesticks\":[]}"));
    assertThat(client.candlesticks(new CandlesticksQuery("S", "T-1", T1, T2, 60, false)).ticker())
        .isEqualTo("T-1");
    assertThat(last().query())
        .isEqualTo("start_ts=1746000000&end_ts=1746003600&period_interval=60");
    server.script(
        P + "/historical/cutoff",
        Reply.json(200, "{\"market_settled_ts\":\"2026-01-25T00:00:00Z\"}"));
    assertThat(client.historicalCutoff().marketSettledTs()).isEqualTo("2026-01-25T00:00:00Z");
  }

  @Test
  void listingsFollowTheirCursors() {
    server.script(
        P + "/historical/markets",
        Reply.json(200, "{\"markets\":[{\"ticker\":\"A\"}],\"cursor\":\"c1\"}"),
        Reply.json(200, "{\"markets\":[{\"ticker\":\"B\"}],\"cursor\":\"\"}"));
    assertThat(
            client
                .historicalMarkets(new HistoricalMarketsQuery(1, null, "EV", null, true))
                .map(Market::ticker)
                .toList())
        .containsExactly("A", "B");
    assertThat(server.seen)
        .extracting(Seen::query)
        .containsExactly(
            "limit=1&event_ticker=EV&mve_filter=exclude",
            "limit=1&event_ticker=EV&mve_filter=exclude&cursor=c1");
    server.seen.clear();
    server.script(
        P + "/historical/trades",
        Reply.json(
            200, "{\"trades\":[{\"trade_id\":\"t1\"},{\"trade_id\":\"t2\"}],\"cursor\":\"\"}"));
    assertThat(
            client.historicalTrades(TradesQuery.of("OLD-1", T1, T2)).map(Trade::tradeId).toList())
        .containsExactly("t1", "t2");
    assertThat(last())
        .isEqualTo(
            new Seen(
                P + "/historical/trades",
                "limit=1000&ticker=OLD-1&min_ts=1746000000&max_ts=1746003600",
                Map.of()));
    server.script(
        P + "/events",
        Reply.json(200, "{\"events\":[{\"event_ticker\":\"E1\"}],\"cursor\":\"n\"}"),
        Reply.json(200, "{\"events\":[{\"event_ticker\":\"E2\"}]}"));
    assertThat(
            client
                .events(EventsQuery.ALL_WITH_MARKETS.withStatus("open"))
                .map(e -> e.eventTicker())
                .toList())
        .containsExactly("E1", "E2");
    assertThat(last().query()).isEqualTo("limit=200&with_nested_markets=true&status=open&cursor=n");
    server.script(
        P + "/markets", Reply.json(200, "{\"markets\":[{\"ticker\":\"M1\"}],\"cursor\":\"\"}"));
    assertThat(
            client
                .markets(MarketsQuery.ALL.withTickers(List.of("M1", "M2")))
                .map(Market::ticker)
                .toList())
        .containsExactly("M1");
    assertThat(last().query()).isEqualTo("limit=1000&tickers=M1%2CM2");
  }
}
