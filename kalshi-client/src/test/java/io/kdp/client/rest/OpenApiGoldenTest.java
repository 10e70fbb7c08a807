package io.kdp.client.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import io.kdp.client.rest.OpenApiSpec.Example;
import io.kdp.client.rest.wire.CandlesticksResponse;
import io.kdp.client.rest.wire.ErrorBody;
import io.kdp.client.rest.wire.EventResponse;
import io.kdp.client.rest.wire.EventsPage;
import io.kdp.client.rest.wire.ExchangeStatus;
import io.kdp.client.rest.wire.HistoricalCandlesticksResponse;
import io.kdp.client.rest.wire.HistoricalCutoff;
import io.kdp.client.rest.wire.MarketResponse;
import io.kdp.client.rest.wire.MarketsPage;
import io.kdp.client.rest.wire.OrderbookFp;
import io.kdp.client.rest.wire.OrderbookResponse;
import io.kdp.client.rest.wire.OrderbooksResponse;
import io.kdp.client.rest.wire.ScheduleResponse;
import io.kdp.client.rest.wire.SeriesList;
import io.kdp.client.rest.wire.SeriesResponse;
import io.kdp.client.rest.wire.TradesPage;
import io.kdp.client.ws.message.Level;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden tests against Kalshi's own OpenAPI file: every {@code example} reachable from the
 * responses the client uses decodes to the expected exact value, and for every such response a
 * document setting every property of the schema survives decoding through our wire record and
 * re-encoding unchanged (so no field is misnamed, missing or mistyped).
 */
class OpenApiGoldenTest {

  /** The endpoints the client calls and the wire record each 200 response decodes into. */
  static final Map<String, Class<?>> ENDPOINTS = new LinkedHashMap<>();

  static {
    ENDPOINTS.put("/exchange/status", ExchangeStatus.class);
    ENDPOINTS.put("/exchange/schedule", ScheduleResponse.class);
    ENDPOINTS.put("/markets", MarketsPage.class);
    ENDPOINTS.put("/markets/{ticker}", MarketResponse.class);
    ENDPOINTS.put("/markets/{ticker}/orderbook", OrderbookResponse.class);
    ENDPOINTS.put("/markets/orderbooks", OrderbooksResponse.class);
    ENDPOINTS.put("/markets/trades", TradesPage.class);
    ENDPOINTS.put("/events", EventsPage.class);
    ENDPOINTS.put("/events/{event_ticker}", EventResponse.class);
    ENDPOINTS.put("/series", SeriesList.class);
    ENDPOINTS.put("/series/{series_ticker}", SeriesResponse.class);
    ENDPOINTS.put(
        "/series/{series_ticker}/markets/{ticker}/candlesticks", CandlesticksResponse.class);
    ENDPOINTS.put("/historical/cutoff", HistoricalCutoff.class);
    ENDPOINTS.put("/historical/markets", MarketsPage.class);
    ENDPOINTS.put("/historical/markets/{ticker}", MarketResponse.class);
    ENDPOINTS.put("/historical/trades", TradesPage.class);
    ENDPOINTS.put(
        "/historical/markets/{ticker}/candlesticks", HistoricalCandlesticksResponse.class);
  }

  static OpenApiSpec spec;
  static final ObjectMapper OUT =
      KalshiJson.mapper().copy().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  @BeforeAll
  static void load() throws Exception {
    spec = new OpenApiSpec();
  }

  @Test
  void everyExampleReachableFromOurResponsesDecodesExactly() throws Exception {
    Map<String, Example> examples = new TreeMap<>();
    for (String path : ENDPOINTS.keySet()) {
      spec.collectExamples(spec.okSchema(path), path, examples, new ArrayDeque<>());
    }
    spec.collectExamples(
        spec.schema("ErrorResponse"), "ErrorResponse", examples, new ArrayDeque<>());
    Map<String, JsonNode> byName = new TreeMap<>();
    examples.values().forEach(e -> byName.put(e.where(), e.value()));
    assertThat(byName.keySet())
        .as("the spec's examples under our responses; a new one needs an expectation below")
        .containsExactly(
            "FixedPointCount",
            "FixedPointDollars",
            "Milestone.category",
            "Milestone.type",
            "PriceLevelDollarsCountFp");

    assertThat(Dollars.parse(byName.get("FixedPointDollars").asText())).isEqualTo(560_000L);
    assertThat(Contracts.parse(byName.get("FixedPointCount").asText())).isEqualTo(1_000L);
    JsonNode level = byName.get("PriceLevelDollarsCountFp");
    OrderbookFp fp =
        KalshiJson.mapper()
            .treeToValue(
                OUT.createObjectNode().set("yes_dollars", OUT.createArrayNode().add(level)),
                OrderbookFp.class);
    assertThat(OrderbookAdapter.fromFp("T", fp).yes()).containsExactly(new Level(150_000, 10_000));
    // milestones are kept as raw JSON on EventsPage: the examples come through untouched
    String events =
        "{\"events\":[],\"cursor\":\"\",\"milestones\":[{\"category\":"
            + byName.get("Milestone.category")
            + ",\"type\":"
            + byName.get("Milestone.type")
            + "}]}";
    EventsPage page = KalshiJson.mapper().readValue(events, EventsPage.class);
    assertThat(page.milestones().get(0).get("category").asText()).isEqualTo("Sports");
    assertThat(page.milestones().get(0).get("type").asText()).isEqualTo("football_game");
  }

  @Test
  void everyPropertyOfEveryResponseWeUseRoundTripsThroughTheWireRecords() throws Exception {
    for (Map.Entry<String, Class<?>> e : ENDPOINTS.entrySet()) {
      JsonNode doc = spec.synthesise(spec.okSchema(e.getKey()));
      assertRoundTrip(e.getKey(), doc, e.getValue());
    }
    assertRoundTrip(
        "ErrorResponse", spec.synthesise(spec.schema("ErrorResponse")), ErrorBody.class);
  }

  @Test
  void theSynthesisedMarketSetsEveryPropertyOfTheSpecsMarket() throws Exception {
    JsonNode market = spec.synthesise(spec.schema("Market"));
    assertThat(OpenApiSpec.propertyNames(spec.schema("Market")))
        .hasSizeGreaterThan(50)
        .allSatisfy(p -> assertThat(market.has(p)).as(p).isTrue());
    MarketResponse decoded =
        KalshiJson.mapper()
            .treeToValue(OUT.createObjectNode().set("market", market), MarketResponse.class);
    assertThat(Dollars.parse(decoded.market().yesBidDollars())).isEqualTo(560_000L);
    assertThat(Contracts.parse(decoded.market().volume24hFp())).isEqualTo(1_000L);
  }

  private static void assertRoundTrip(String what, JsonNode doc, Class<?> type) throws Exception {
    Object decoded = KalshiJson.mapper().treeToValue(doc, type);
    JsonNode expected = KalshiJson.mapper().readTree(OUT.writeValueAsString(doc));
    JsonNode actual = KalshiJson.mapper().readTree(OUT.writeValueAsString(decoded));
    assertThat(actual).as(what + " via " + type.getSimpleName()).isEqualTo(expected);
  }
}
