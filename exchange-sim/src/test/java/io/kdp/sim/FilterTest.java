package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.json.KalshiJson;
import io.kdp.client.rest.wire.Market;
import io.kdp.client.rest.wire.MarketsPage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code GET /markets} filters, both status vocabularies, and Kalshi's combination rules. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class FilterTest {

  SimFixture f;
  Http http;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    f = new SimFixture(dir, SimFixture.fastWorld(20, 300, 11));
    f.run(Duration.ofSeconds(80), Duration.ofMillis(100));
    http = f.http();
  }

  @AfterAll
  void stop() throws Exception {
    f.close();
  }

  @Test
  void statusFilterSpeaksTheFilterVocabulary() throws Exception {
    Map<String, List<String>> expected =
        Map.of(
            "unopened", List.of("initialized"),
            "open", List.of("active"),
            "paused", List.of("inactive"),
            "closed", List.of("closed", "determined"),
            "settled", List.of("finalized"));
    List<Market> all = markets("/markets?limit=1000");
    for (var e : expected.entrySet()) {
      List<Market> got = markets("/markets?limit=1000&status=" + e.getKey());
      assertThat(got)
          .containsExactlyElementsOf(
              all.stream().filter(m -> e.getValue().contains(m.status())).toList());
    }
    assertThat(markets("/markets?limit=1000&status=settled")).isNotEmpty();
    assertThat(http.get("/markets?status=active").status()).isEqualTo(400);
  }

  @Test
  void tickerEventAndSeriesFiltersSelectExactly() throws Exception {
    List<Market> all = markets("/markets?limit=1000");
    Market a = all.get(0);
    Market b = all.get(all.size() - 1);
    assertThat(markets("/markets?tickers=" + a.ticker() + "," + b.ticker())).containsExactly(a, b);
    assertThat(markets("/markets?limit=1000&event_ticker=" + a.eventTicker()))
        .containsExactlyElementsOf(
            all.stream().filter(m -> m.eventTicker().equals(a.eventTicker())).toList());
    assertThat(markets("/markets?limit=1000&series_ticker=KXBTCD"))
        .allMatch(m -> m.ticker().startsWith("KXBTCD-"));
    assertThat(markets("/markets?mve_filter=only")).isEmpty();
    assertThat(markets("/markets?limit=1000&mve_filter=exclude")).isEqualTo(all);
  }

  @Test
  void timestampFiltersAndTheirIllegalCombinations() throws Exception {
    long now = f.clock.millis() / 1000;
    assertThat(markets("/markets?limit=1000&status=settled&min_settled_ts=" + (now - 3600)))
        .isEqualTo(markets("/markets?limit=1000&status=settled"));
    assertThat(markets("/markets?limit=1000&max_created_ts=" + (SimFixture.START / 1000)))
        .allMatch(
            m ->
                m.createdTime()
                    .equals(java.time.Instant.ofEpochMilli(SimFixture.START).toString()));
    for (String bad :
        new String[] {
          "status=closed&min_created_ts=1",
          "status=open&min_close_ts=1",
          "status=open&min_settled_ts=1",
          "min_created_ts=1&max_close_ts=2",
          "min_updated_ts=1&status=open",
          "min_updated_ts=1&series_ticker=KXBTCD",
          "mve_filter=sometimes",
          "status=bogus"
        }) {
      Http.Reply r = http.get("/markets?" + bad);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.body()).as(bad).startsWith("{\"error\":{\"code\":\"invalid_parameters\"");
    }
    assertThat(http.get("/markets?min_updated_ts=1&mve_filter=exclude").status()).isEqualTo(200);
    assertThat(http.get("/markets?status=open&min_created_ts=1").status()).isEqualTo(200);
  }

  @Test
  void eventStatusFilter() throws Exception {
    for (String s : new String[] {"open", "closed", "settled", "unopened"}) {
      assertThat(http.get("/events?status=" + s).status()).isEqualTo(200);
    }
    assertThat(http.get("/events?status=paused").status()).isEqualTo(400);
    String settled = http.ok("/events?status=settled&with_nested_markets=true");
    assertThat(KalshiJson.mapper().readTree(settled).path("events").findValuesAsText("status"))
        .isNotEmpty()
        .containsOnly("finalized");
  }

  private List<Market> markets(String url) throws Exception {
    return KalshiJson.mapper().readValue(http.ok(url), MarketsPage.class).markets();
  }
}
