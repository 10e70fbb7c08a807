package io.kdp.client.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.rest.wire.BidAskDistribution;
import io.kdp.client.rest.wire.Candlestick;
import io.kdp.client.rest.wire.CandlesticksResponse;
import io.kdp.client.rest.wire.EventData;
import io.kdp.client.rest.wire.HistoricalCutoff;
import io.kdp.client.rest.wire.Market;
import io.kdp.client.rest.wire.MarketResponse;
import io.kdp.client.rest.wire.PriceDistribution;
import io.kdp.client.rest.wire.PriceRange;
import io.kdp.client.rest.wire.Series;
import io.kdp.client.rest.wire.SeriesResponse;
import io.kdp.client.rest.wire.SettlementSource;
import io.kdp.client.rest.wire.Trade;
import io.kdp.client.rest.wire.TradesPage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kalshi's documented response examples (from {@code kalshi-api.md}, taken from the spec and the
 * docs pages) decoded into the wire records and compared with hand-written expected records,
 * including fields Kalshi may add (ignored) and nulls. A JSON {@code null} in a raw-JSON field
 * ({@code product_metadata}) is Jackson's {@code NullNode}; an absent one is {@code null}.
 */
class WireGoldenTest {

  static <T> T decode(String json, Class<T> type) throws Exception {
    return KalshiJson.mapper().readValue(json, type);
  }

  @Test
  void market() throws Exception {
    String json =
        """
        {"market":{"ticker":"KXHIGHNY-26MAY01-T60","event_ticker":"KXHIGHNY-26MAY01","market_type":"binary",
         "yes_sub_title":"60° or above","no_sub_title":"59° or below","created_time":"2026-04-29T14:00:00Z",
         "updated_time":"2026-04-29T14:00:00Z","open_time":"2026-04-30T14:00:00Z","close_time":"2026-05-02T03:59:00Z",
         "expected_expiration_time":"2026-05-02T14:00:00Z","latest_expiration_time":"2026-05-09T14:00:00Z",
         "settlement_timer_seconds":3600,"status":"active","yes_bid_dollars":"0.4200","yes_ask_dollars":"0.4500",
         "no_bid_dollars":"0.5500","no_ask_dollars":"0.5800","yes_bid_size_fp":"13.00","yes_ask_size_fp":"146.00",
         "last_price_dollars":"0.4300","previous_yes_bid_dollars":"0.3900","previous_yes_ask_dollars":"0.4100",
         "previous_price_dollars":"0.4000","volume_fp":"5210.00","volume_24h_fp":"880.00","open_interest_fp":"1830.00",
         "notional_value_dollars":"1.0000","liquidity_dollars":"0.0000","result":"","can_close_early":true,
         "fractional_trading_enabled":false,"expiration_value":"","strike_type":"greater","floor_strike":59.99,
         "rules_primary":"...","rules_secondary":"","price_level_structure":"linear_cent",
         "price_ranges":[{"start":"0.0000","end":"1.0000","step":"0.0100"}],
         "a_field_kalshi_adds_later":{"x":1}}}
        """;
    Market expected =
        new Market(
            "KXHIGHNY-26MAY01-T60",
            "KXHIGHNY-26MAY01",
            "binary",
            null,
            null,
            "60° or above",
            "59° or below",
            "2026-04-29T14:00:00Z",
            "2026-04-29T14:00:00Z",
            "2026-04-30T14:00:00Z",
            "2026-05-02T03:59:00Z",
            "2026-05-02T14:00:00Z",
            null,
            "2026-05-09T14:00:00Z",
            3600,
            "active",
            null,
            "0.4200",
            "13.00",
            "0.4500",
            "146.00",
            "0.5500",
            "0.5800",
            "0.4300",
            "5210.00",
            "880.00",
            "",
            true,
            false,
            "1830.00",
            "1.0000",
            "0.3900",
            "0.4100",
            "0.4000",
            "0.0000",
            null,
            null,
            "",
            null,
            null,
            null,
            null,
            "greater",
            new BigDecimal("59.99"),
            null,
            null,
            null,
            "...",
            "",
            null,
            null,
            null,
            "linear_cent",
            List.of(new PriceRange("0.0000", "1.0000", "0.0100")),
            null);
    assertThat(decode(json, MarketResponse.class)).isEqualTo(new MarketResponse(expected));
  }

  @Test
  void trades() throws Exception {
    String json =
        """
        {"trades": [{"trade_id": "d91bc706-ee49-470d-82d8-11418bda6fed", "ticker": "KXHIGHNY-26MAY01-T60",
          "count_fp": "136.00", "yes_price_dollars": "0.3600", "no_price_dollars": "0.6400",
          "taker_side": "no", "created_time": "2026-05-01T14:03:11.123456Z"},
          {"trade_id": "0b5f3e51-2b7c-4f0e-9d54-7d2a0f3c2e11", "ticker": "KXHIGHNY-26MAY01-T60",
          "count_fp": "2.50", "yes_price_dollars": "0.3650", "no_price_dollars": "0.6350",
          "taker_side": "yes", "taker_outcome_side": "yes", "taker_book_side": "bid",
          "created_time": "2026-05-01T14:03:12Z"}], "cursor": "CgsI8pu"}
        """;
    assertThat(decode(json, TradesPage.class))
        .isEqualTo(
            new TradesPage(
                List.of(
                    new Trade(
                        "d91bc706-ee49-470d-82d8-11418bda6fed",
                        "KXHIGHNY-26MAY01-T60",
                        "136.00",
                        "0.3600",
                        "0.6400",
                        "no",
                        null,
                        null,
                        "2026-05-01T14:03:11.123456Z"),
                    new Trade(
                        "0b5f3e51-2b7c-4f0e-9d54-7d2a0f3c2e11",
                        "KXHIGHNY-26MAY01-T60",
                        "2.50",
                        "0.3650",
                        "0.6350",
                        "yes",
                        "yes",
                        "bid",
                        "2026-05-01T14:03:12Z")),
                "CgsI8pu"));
  }

  @Test
  void candlesticks() throws Exception {
    String json =
        """
        {"ticker":"KXHIGHNY-26MAY01-T60","candlesticks":[{"end_period_ts":1746108000,
          "yes_bid":{"open_dollars":"0.4100","low_dollars":"0.4000","high_dollars":"0.4300","close_dollars":"0.4200"},
          "yes_ask":{"open_dollars":"0.4400","low_dollars":"0.4300","high_dollars":"0.4600","close_dollars":"0.4500"},
          "price":{"open_dollars":"0.4200","low_dollars":"0.4100","high_dollars":"0.4400","close_dollars":"0.4300",
                   "mean_dollars":"0.4250","previous_dollars":"0.4150","min_dollars":null,"max_dollars":null},
          "volume_fp":"250.00","open_interest_fp":"1830.00"}]}
        """;
    assertThat(decode(json, CandlesticksResponse.class))
        .isEqualTo(
            new CandlesticksResponse(
                "KXHIGHNY-26MAY01-T60",
                List.of(
                    new Candlestick(
                        1746108000L,
                        new BidAskDistribution("0.4100", "0.4000", "0.4300", "0.4200"),
                        new BidAskDistribution("0.4400", "0.4300", "0.4600", "0.4500"),
                        new PriceDistribution(
                            "0.4200", "0.4100", "0.4400", "0.4300", "0.4250", "0.4150", null, null),
                        "250.00",
                        "1830.00"))));
  }

  @Test
  void event() throws Exception {
    String json =
        """
        {"event_ticker":"KXHIGHNY-26MAY01","series_ticker":"KXHIGHNY","title":"Highest temperature in NYC on May 1?",
         "sub_title":"On May 1, 2026","collateral_return_type":"MECNET","mutually_exclusive":true,
         "strike_date":"2026-05-02T03:59:00Z","strike_period":null,"available_on_brokers":true,
         "product_metadata":null,"last_updated_ts":"2026-04-30T12:00:00Z"}
        """;
    assertThat(decode(json, EventData.class))
        .isEqualTo(
            new EventData(
                "KXHIGHNY-26MAY01",
                "KXHIGHNY",
                "On May 1, 2026",
                "Highest temperature in NYC on May 1?",
                "MECNET",
                true,
                null,
                "2026-05-02T03:59:00Z",
                null,
                null,
                true,
                NullNode.getInstance(),
                "2026-04-30T12:00:00Z"));
  }

  @Test
  void series() throws Exception {
    String json =
        """
        {"series":{"ticker":"KXHIGHNY","frequency":"daily","title":"Highest temperature in NYC",
          "category":"Climate and Weather","tags":["Weather","New York"],
          "settlement_sources":[{"name":"National Weather Service","url":"https://www.weather.gov/"}],
          "contract_url":"https://kalshi.com/contracts/highny.pdf","contract_terms_url":"https://kalshi.com/terms/highny.pdf",
          "product_metadata":null,"fee_type":"quadratic","fee_multiplier":0.07,"additional_prohibitions":[],
          "volume_fp":"120345.00","last_updated_ts":"2026-04-30T12:00:00Z"}}
        """;
    assertThat(decode(json, SeriesResponse.class))
        .isEqualTo(
            new SeriesResponse(
                new Series(
                    "KXHIGHNY",
                    "daily",
                    "Highest temperature in NYC",
                    "Climate and Weather",
                    List.of("Weather", "New York"),
                    List.of(
                        new SettlementSource(
                            "National Weather Service", "https://www.weather.gov/")),
                    "https://kalshi.com/contracts/highny.pdf",
                    "https://kalshi.com/terms/highny.pdf",
                    NullNode.getInstance(),
                    "quadratic",
                    new BigDecimal("0.07"),
                    List.of(),
                    "120345.00",
                    "2026-04-30T12:00:00Z")));
  }

  @Test
  void historicalCutoff() throws Exception {
    String json =
        """
        {"market_settled_ts":"2026-01-25T00:00:00Z","trades_created_ts":"2026-01-25T00:00:00Z",
         "orders_updated_ts":"2026-01-25T00:00:00Z"}
        """;
    assertThat(decode(json, HistoricalCutoff.class))
        .isEqualTo(
            new HistoricalCutoff(
                "2026-01-25T00:00:00Z", "2026-01-25T00:00:00Z", "2026-01-25T00:00:00Z"));
  }
}
