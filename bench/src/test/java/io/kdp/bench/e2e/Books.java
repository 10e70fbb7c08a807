package io.kdp.bench.e2e;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.OrderbookSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Books rebuilt from what the client delivered: each snapshot resets, each delta adds. */
final class Books {

  private final Map<String, Map<Side, TreeMap<Long, Long>>> books = new HashMap<>();

  void apply(ChannelMessage m) {
    switch (m) {
      case OrderbookSnapshot s -> {
        Map<Side, TreeMap<Long, Long>> b = new HashMap<>();
        b.put(Side.YES, levels(s.yes()));
        b.put(Side.NO, levels(s.no()));
        books.put(s.marketTicker(), b);
      }
      case OrderbookDelta d -> {
        Map<Side, TreeMap<Long, Long>> b = books.get(d.marketTicker());
        if (b == null) {
          throw new AssertionError("delta before snapshot: " + d);
        }
        b.get(d.side()).merge(d.priceMicros(), d.deltaCenti(), Long::sum);
        b.get(d.side()).remove(d.priceMicros(), 0L);
      }
      default -> {}
    }
  }

  List<Level> side(String ticker, Side side) {
    List<Level> out = new ArrayList<>();
    books.get(ticker).get(side).forEach((p, s) -> out.add(new Level(p, s)));
    return out;
  }

  private static TreeMap<Long, Long> levels(List<Level> levels) {
    TreeMap<Long, Long> out = new TreeMap<>();
    levels.forEach(l -> out.put(l.priceMicros(), l.sizeCenti()));
    return out;
  }
}
