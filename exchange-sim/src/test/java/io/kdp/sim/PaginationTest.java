package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Cursor pages return every item exactly once, even while the world keeps changing. */
@Timeout(60)
class PaginationTest {

  @TempDir Path dir;

  @Test
  void pagesCoverEveryMarketEventAndTradeOnceWhileTheWorldMoves() throws Exception {
    try (SimFixture f = new SimFixture(dir, SimFixture.fastWorld(30, 500, 3))) {
      f.run(Duration.ofSeconds(60), Duration.ofMillis(100));
      Http http = f.http();
      List<String> marketsAll = items(http.ok("/markets?limit=1000"), "markets", "ticker");
      List<String> eventsAll = items(http.ok("/events?limit=200"), "events", "event_ticker");

      List<String> markets = pageAll(http, "/markets?limit=7", "markets", "ticker", f);
      List<String> events = pageAll(http, "/events?limit=3", "events", "event_ticker", f);
      List<String> tradesAll =
          f.sim
              .world()
              .read(() -> f.sim.world().tape().trades().stream().map(t -> t.tradeId()).toList())
              .reversed();
      assertThat(tradesAll).hasSizeGreaterThan(1000);
      List<String> trades = pageAll(http, "/markets/trades?limit=50", "trades", "trade_id", f);

      assertThat(markets).doesNotHaveDuplicates().containsAll(marketsAll);
      assertThat(markets.subList(0, marketsAll.size())).isEqualTo(marketsAll);
      assertThat(events).doesNotHaveDuplicates().startsWith(eventsAll.toArray(String[]::new));
      assertThat(trades).isEqualTo(tradesAll);
    }
  }

  @Test
  void limitsAreCappedAndBadCursorsRefused() throws Exception {
    try (SimFixture f = new SimFixture(dir, SimFixture.fastWorld(5, 100, 3))) {
      Http http = f.http();
      assertThat(http.get("/markets?limit=1001").status()).isEqualTo(400);
      assertThat(http.get("/markets/trades?limit=1001").status()).isEqualTo(400);
      assertThat(http.get("/events?limit=201").status()).isEqualTo(400);
      assertThat(http.get("/events?limit=200").status()).isEqualTo(200);
      assertThat(http.get("/markets?cursor=garbage").status()).isEqualTo(400);
      assertThat(http.get("/markets?limit=abc").body())
          .isEqualTo(
              "{\"error\":{\"code\":\"invalid_parameters\",\"message\":\"limit must be an integer\","
                  + "\"service\":\"exchange\"}}");
    }
  }

  /** Follows cursors to the end, stepping the world between pages; the last cursor is "". */
  private static List<String> pageAll(
      Http http, String first, String array, String key, SimFixture f) throws Exception {
    List<String> out = new ArrayList<>();
    String cursor = null;
    do {
      String url = cursor == null ? first : first + "&cursor=" + cursor;
      JsonNode page = KalshiJson.mapper().readTree(http.ok(url));
      for (JsonNode item : page.path(array)) {
        out.add(item.path(key).asText());
      }
      cursor = page.path("cursor").asText();
      f.run(Duration.ofMillis(200), Duration.ofMillis(100));
    } while (!cursor.isEmpty());
    return out;
  }

  private static List<String> items(String body, String array, String key) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode item : KalshiJson.mapper().readTree(body).path(array)) {
      out.add(item.path(key).asText());
    }
    return out;
  }
}
