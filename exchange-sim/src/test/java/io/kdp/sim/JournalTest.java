package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import io.kdp.client.model.Side;
import io.kdp.client.ws.message.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The journal is ground truth: replaying it gives the book at any time and lists every trade. */
@Timeout(60)
class JournalTest {

  @TempDir Path dir;

  @Test
  void replayingTheJournalReproducesBooksAtAnyTimeAndEveryTrade() throws Exception {
    Path file = dir.resolve("journal.jsonl");
    SimConfig config =
        SimConfig.defaults(dir).withWorld(SimFixture.fastWorld(6, 500, 2)).withJournal(file);
    Map<String, List<List<Level>>> booksAtT = new HashMap<>();
    long t;
    List<String> tape;
    try (SimFixture f = new SimFixture(config)) {
      f.run(Duration.ofSeconds(20), Duration.ofMillis(50));
      t = f.clock.millis();
      f.sim
          .world()
          .locked(
              () ->
                  f.sim
                      .world()
                      .markets()
                      .forEach(
                          m ->
                              booksAtT.put(
                                  m.ticker,
                                  List.of(m.book.levels(Side.YES, 0), m.book.levels(Side.NO, 0)))));
      f.run(Duration.ofSeconds(40), Duration.ofMillis(50));
      tape =
          f.sim
              .world()
              .read(() -> f.sim.world().tape().trades().stream().map(x -> x.tradeId()).toList());
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      lines.add(KalshiJson.mapper().readTree(line));
    }
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i).path("n").asLong()).isEqualTo(i + 1);
    }
    assertThat(replay(lines, t)).isEqualTo(booksAtT);
    List<String> trades =
        lines.stream()
            .filter(n -> n.path("type").asText().equals("trade"))
            .map(n -> n.path("msg").path("trade_id").asText())
            .toList();
    assertThat(trades).isEqualTo(tape).isNotEmpty();
    assertThat(lines.stream().map(n -> n.path("type").asText()).distinct())
        .contains("orderbook_delta", "trade", "ticker", "market_lifecycle_v2", "event_lifecycle");
  }

  /** Books (yes, no; ascending) after every journal line at or before {@code t}. */
  private static Map<String, List<List<Level>>> replay(List<JsonNode> lines, long t) {
    Map<String, Map<String, TreeMap<Long, Long>>> books = new HashMap<>();
    for (JsonNode n : lines) {
      if (n.path("ts_ms").asLong() > t) {
        break;
      }
      JsonNode msg = n.path("msg");
      if (n.path("type").asText().equals("market_lifecycle_v2")
          && msg.path("event_type").asText().equals("created")) {
        books.put(
            msg.path("market_ticker").asText(),
            Map.of("yes", new TreeMap<>(), "no", new TreeMap<>()));
      } else if (n.path("type").asText().equals("orderbook_delta")) {
        TreeMap<Long, Long> side =
            books.get(msg.path("market_ticker").asText()).get(msg.path("side").asText());
        long price = Dollars.parse(msg.path("price_dollars").asText());
        long size = side.getOrDefault(price, 0L) + Contracts.parse(msg.path("delta_fp").asText());
        if (size == 0) {
          side.remove(price);
        } else {
          side.put(price, size);
        }
      }
    }
    Map<String, List<List<Level>>> out = new HashMap<>();
    books.forEach(
        (ticker, sides) ->
            out.put(ticker, List.of(levels(sides.get("yes")), levels(sides.get("no")))));
    return out;
  }

  private static List<Level> levels(TreeMap<Long, Long> side) {
    List<Level> out = new ArrayList<>();
    side.forEach((p, s) -> out.add(new Level(p, s)));
    return out;
  }
}
