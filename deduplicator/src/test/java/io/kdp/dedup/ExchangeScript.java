package io.kdp.dedup;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.dedup.book.Book;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A crafted but realistic exchange and what each gatherer records of it: books changed by deltas
 * (one every 20 ms, including identical consecutive pairs), trades and tickers, all markets on one
 * orderbook subscription per connection. A gatherer may be down over windows (it reconnects with a
 * new connection, a new sid and fresh snapshots) or lose one message (a seq gap, a {@code
 * sequence_gaps} row, then fresh snapshots on the same sid 100 ms later).
 */
public final class ExchangeScript {

  static final long T0 = 1_795_608_000_000_000L; // 2026-11-25T12:00:00Z in µs
  static final long STEP = 20_000;

  private final List<String> markets;
  private final List<Event> events = new ArrayList<>();
  private final long endMicros;
  private final List<Long> streamStarts = new ArrayList<>();

  /** Unix µs of {@code seconds} after {@link #T0}. */
  public static long t(double seconds) {
    return T0 + Math.round(seconds * 1_000_000);
  }

  public List<String> markets() {
    return markets;
  }

  public long endMicros() {
    return endMicros;
  }

  /**
   * Whether {@code t} is within 50 ms after a gatherer's fresh snapshots (their time is then the
   * receive time, a little after the book they show).
   */
  public boolean nearStreamStart(long t) {
    return streamStarts.stream().anyMatch(s -> t >= s - 1_000 && t <= s + 50_000);
  }

  /** Every delta as market+side+price/delta@time, sorted. */
  public List<String> truthDeltaKeys() {
    return events.stream()
        .map(e -> e.market() + e.side() + e.price() + "/" + e.delta() + "@" + e.time())
        .sorted()
        .toList();
  }

  /** One exchange event: a delta on a market, maybe with a trade. */
  record Event(
      long time,
      String market,
      Side side,
      long price,
      long delta,
      String tradeId,
      long tradePrice) {}

  public ExchangeScript(long seed, int marketCount, long durationMicros) {
    Random r = new Random(seed);
    markets = new ArrayList<>();
    for (int i = 0; i < marketCount; i++) {
      markets.add("KXTEST-26NOV25-M" + i);
    }
    Map<String, Book> books = new HashMap<>();
    markets.forEach(m -> books.put(m, new Book()));
    int trades = 0;
    for (long t = T0 + STEP; t < T0 + durationMicros; t += STEP) {
      String m = markets.get(r.nextInt(marketCount));
      Side side = r.nextBoolean() ? Side.YES : Side.NO;
      long price = 10_000L * (1 + r.nextInt(20));
      long size = sizeAt(books.get(m), side, price);
      long delta =
          size > 0 && r.nextInt(3) == 0
              ? -Math.min(size, 100L * (1 + r.nextInt(5)))
              : 100L * (1 + r.nextInt(5));
      String tradeId = r.nextInt(4) == 0 ? "trade-" + seed + "-" + (trades++) : null;
      books.get(m).apply(side, price, delta);
      events.add(new Event(t, m, side, price, delta, tradeId, 10_000L * (1 + r.nextInt(99))));
      if (r.nextInt(25) == 0 && delta > 0) {
        // an identical real delta in the same millisecond: both must survive
        books.get(m).apply(side, price, delta);
        events.add(new Event(t, m, side, price, delta, null, 0));
      }
    }
    endMicros = T0 + durationMicros;
  }

  private static long sizeAt(Book b, Side side, long price) {
    for (Level l : side == Side.YES ? b.yes() : b.no()) {
      if (l.priceMicros() == price) {
        return l.sizeCenti();
      }
    }
    return 0;
  }

  /** The true book of every market after every event at or before {@code t}. */
  public Map<String, Book> truthAt(long t) {
    Map<String, Book> books = new HashMap<>();
    markets.forEach(m -> books.put(m, new Book()));
    for (Event e : events) {
      if (e.time() > t) {
        break;
      }
      books.get(e.market()).apply(e.side(), e.price(), e.delta());
    }
    return books;
  }

  /** Every trade id the exchange made. */
  public List<String> tradeIds() {
    return events.stream().filter(e -> e.tradeId() != null).map(Event::tradeId).toList();
  }

  /** What one gatherer records: its outages [from, to) and the time of one lost message. */
  public Recorded record(String gatherer, int latencyMicros, List<long[]> outages, long lossAt) {
    Recorded out = new Recorded();
    Map<String, Book> books = new HashMap<>();
    markets.forEach(m -> books.put(m, new Book()));
    long[] conn = {0};
    long[] seq = {0};
    boolean[] connected = {false};
    long pendingResnap = Long.MAX_VALUE;
    int sid = 0;
    for (int i = 0; i <= events.size(); i++) {
      long t = i < events.size() ? events.get(i).time() : endMicros;
      boolean down = false;
      for (long[] o : outages) {
        down |= t >= o[0] && t < o[1];
      }
      if (!down && !connected[0]) {
        conn[0]++;
        out.connections().add(new long[] {conn[0], t, Long.MAX_VALUE});
        sid++;
        seq[0] = 0;
        connected[0] = true;
        streamStarts.add(t);
        for (String m : markets) {
          out.snapshots()
              .add(snapshot(gatherer, m, books.get(m), t + latencyMicros, conn[0], sid, ++seq[0]));
        }
      }
      if (t >= pendingResnap && connected[0]) {
        streamStarts.add(t);
        for (String m : markets) {
          out.snapshots()
              .add(snapshot(gatherer, m, books.get(m), t + latencyMicros, conn[0], sid, ++seq[0]));
        }
        pendingResnap = Long.MAX_VALUE;
      }
      if (down && connected[0]) {
        out.connections().getLast()[2] = t; // dropped: nothing more arrives on it
      }
      if (down) {
        connected[0] = false;
      }
      if (i == events.size()) {
        break;
      }
      Event e = events.get(i);
      books.get(e.market()).apply(e.side(), e.price(), e.delta());
      if (down) {
        continue;
      }
      long received = e.time() + latencyMicros;
      if (lossAt != 0
          && e.time() >= lossAt
          && pendingResnap == Long.MAX_VALUE
          && out.gaps().isEmpty()) {
        seq[0]++; // the message is lost on the wire: the next one skips a seq
        out.gaps()
            .add(
                SequenceGapRow.open(gatherer, conn[0], sid, seq[0], seq[0] + 1, markets, received));
        pendingResnap = e.time() + 100_000;
        continue;
      }
      Provenance p = new Provenance(gatherer, conn[0], sid, ++seq[0]);
      out.deltas()
          .add(new DeltaRow(e.market(), e.side(), e.price(), e.delta(), e.time(), received, p));
      if (e.tradeId() != null) {
        out.trades().add(trade(gatherer, e, received));
        out.tickers().add(ticker(gatherer, e, books.get(e.market()), received));
      }
    }
    return out;
  }

  private static SnapshotRow snapshot(
      String g, String m, Book b, long received, long conn, int sid, long seq) {
    return new SnapshotRow(
        m,
        FeedSource.WS,
        b.yes(),
        b.no(),
        KalshiWsMessage.NO_TIME,
        received,
        new Provenance(g, conn, sid, seq));
  }

  private static TradeRow trade(String g, Event e, long received) {
    return new TradeRow(
        e.tradeId(),
        e.market(),
        e.tradePrice(),
        1_000_000 - e.tradePrice(),
        100,
        Side.YES,
        Side.YES,
        "ask",
        false,
        FeedSource.WS,
        e.time(),
        received,
        new Provenance(g, 99, 7, 0));
  }

  private static TickerRow ticker(String g, Event e, Book b, long received) {
    long bid = b.yes().isEmpty() ? 0 : b.yes().getLast().priceMicros();
    long ask = b.no().isEmpty() ? 1_000_000 : 1_000_000 - b.no().getLast().priceMicros();
    return new TickerRow(
        e.market(),
        e.tradePrice(),
        bid,
        ask,
        100,
        100,
        100,
        0,
        0,
        0,
        0,
        e.time(),
        received,
        new Provenance(g, 98, 8, 0));
  }

  /**
   * One gatherer's rows, as its writers would store them, and its book connections: {id, opened,
   * dropped} (receive-time µs; dropped {@code Long.MAX_VALUE} while still open at the end).
   */
  public record Recorded(
      List<SnapshotRow> snapshots,
      List<DeltaRow> deltas,
      List<TradeRow> trades,
      List<TickerRow> tickers,
      List<SequenceGapRow> gaps,
      List<long[]> connections) {
    Recorded() {
      this(
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>());
    }
  }
}
