package io.kdp.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueriesTest {

  static final Instant T1 = Instant.ofEpochSecond(1_746_000_000L);
  static final Instant T2 = Instant.ofEpochSecond(1_746_086_400L);

  @Test
  void marketsQueryEncodesEveryFilterInKalshisNames() {
    assertThat(MarketsQuery.ALL.params().encode()).isEqualTo("limit=1000");
    assertThat(
            MarketsQuery.ALL
                .withStatus("closed")
                .closingBetween(T1, T2)
                .withSeriesTicker("KXHIGHNY")
                .withMveFilter("exclude")
                .params()
                .withCursor("abc==")
                .encode())
        .isEqualTo(
            "limit=1000&series_ticker=KXHIGHNY&status=closed&min_close_ts=1746000000"
                + "&max_close_ts=1746086400&mve_filter=exclude&cursor=abc%3D%3D");
    assertThat(MarketsQuery.ALL.withTickers(List.of("A-1", "B.2")).withLimit(5).params().encode())
        .isEqualTo("limit=5&tickers=A-1%2CB.2");
    assertThat(MarketsQuery.ALL.withEventTicker("E").createdBetween(T1, null).params().encode())
        .isEqualTo("limit=1000&event_ticker=E&min_created_ts=1746000000");
    assertThat(MarketsQuery.ALL.settledBetween(null, T2).withStatus("settled").params().encode())
        .isEqualTo("limit=1000&status=settled&max_settled_ts=1746086400");
    assertThat(MarketsQuery.ALL.updatedSince(T1).withMveFilter("exclude").params().encode())
        .isEqualTo("limit=1000&min_updated_ts=1746000000&mve_filter=exclude");
  }

  @Test
  void marketsQueryRejectsWhatKalshiRejects() {
    assertThatThrownBy(() -> MarketsQuery.ALL.withStatus("active"))
        .hasMessageStartingWith("status must be one of");
    assertThatThrownBy(() -> MarketsQuery.ALL.withLimit(1001))
        .hasMessage("limit must be 1..1000: 1001");
    assertThatThrownBy(() -> MarketsQuery.ALL.withMveFilter("all"))
        .hasMessage("mve_filter must be only or exclude: all");
    assertThatThrownBy(() -> MarketsQuery.ALL.withStatus("open").closingBetween(T1, T2))
        .hasMessage("close_ts filters allow status closed only");
    assertThatThrownBy(() -> MarketsQuery.ALL.withStatus("closed").createdBetween(T1, T2))
        .hasMessage("created_ts filters allow status unopened or open only");
    assertThatThrownBy(() -> MarketsQuery.ALL.withStatus("open").settledBetween(T1, T2))
        .hasMessage("settled_ts filters allow status settled only");
    assertThatThrownBy(() -> MarketsQuery.ALL.createdBetween(T1, T2).closingBetween(T1, T2))
        .hasMessage("only one of created, close and settled ranges at a time");
    assertThatThrownBy(() -> MarketsQuery.ALL.updatedSince(T1).withSeriesTicker("S"))
        .hasMessage("min_updated_ts combines with no other filter except mve_filter=exclude");
  }

  @Test
  void otherQueries() {
    assertThat(
            EventsQuery.ALL_WITH_MARKETS.withStatus("open").withSeriesTicker("S").params().encode())
        .isEqualTo("limit=200&with_nested_markets=true&status=open&series_ticker=S");
    assertThatThrownBy(() -> EventsQuery.ALL_WITH_MARKETS.withLimit(201))
        .hasMessage("limit must be 1..200: 201");
    assertThat(TradesQuery.of("KX-1", T1, T2).params().encode())
        .isEqualTo("limit=1000&ticker=KX-1&min_ts=1746000000&max_ts=1746086400");
    assertThatThrownBy(() -> TradesQuery.of("KX-1", T2, T1))
        .hasMessageContaining("is after max_ts");
    assertThat(new HistoricalMarketsQuery(100, null, null, "KXHIGHNY", true).params().encode())
        .isEqualTo("limit=100&series_ticker=KXHIGHNY&mve_filter=exclude");
    assertThatThrownBy(() -> new HistoricalMarketsQuery(100, List.of("A"), "E", null, false))
        .hasMessage("tickers, event_ticker and series_ticker are mutually exclusive");
    assertThat(new CandlesticksQuery("S", "T", T1, T2, 60, true).params().encode())
        .isEqualTo(
            "start_ts=1746000000&end_ts=1746086400&period_interval=60&include_latest_before_start=true");
    assertThatThrownBy(() -> new CandlesticksQuery("S", "T", T1, T2, 5, false))
        .hasMessage("period_interval must be 1, 60 or 1440: 5");
    assertThat(QueryParams.of().repeated("tickers", List.of("A", "B")).encode())
        .isEqualTo("tickers=A&tickers=B");
    assertThat(KalshiRestClient.segment("FED-23DEC-T3.00")).isEqualTo("FED-23DEC-T3.00");
    assertThat(KalshiRestClient.segment("A B/C")).isEqualTo("A%20B%2FC");
  }
}
