package io.kdp.bench.deduplag;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The exchange's public feed as one gatherer receives it, deterministic: every gatherer's instance
 * (same seed) yields the same messages, each stamped with that gatherer's provenance and receive
 * latency. Message {@code k} happens at {@code start + k / rate}; the mix follows the simulator's
 * order flow (about 62% book deltas, 15% trades, 23% tickers). Book deltas never take a level below
 * zero, so every gatherer's stream stays clean. Not thread-safe: one per writer.
 */
final class ExchangeStream {

  /** What message {@code k} is. */
  enum Kind {
    DELTA,
    TRADE,
    TICKER
  }

  /** The rows of one span of the feed. */
  record Rows(List<DeltaRow> deltas, List<TradeRow> trades, List<TickerRow> tickers) {}

  /** Book stream (connection, sid) ids: every gatherer numbers its one book stream alike. */
  static final int BOOK_SID = 1;

  private static final int LEVELS = 99;
  private static final long CENT = 10_000;

  private final String gatherer;
  private final long connectionId;
  private final long startMicros;
  private final int ratePerSecond;
  private final int markets;
  private final long latencyMicros;
  private final SplittableRandom rnd;
  private final long[][] sizes;
  private long next;
  private long bookSeq;
  private long tradeSeq;
  private long tickerSeq;

  ExchangeStream(
      String gatherer,
      long connectionId,
      long startMicros,
      int ratePerSecond,
      int markets,
      long latencyMicros,
      long seed) {
    this.gatherer = gatherer;
    this.connectionId = connectionId;
    this.startMicros = startMicros;
    this.ratePerSecond = ratePerSecond;
    this.markets = markets;
    this.latencyMicros = latencyMicros;
    this.rnd = new SplittableRandom(seed);
    this.sizes = new long[markets][2 * LEVELS];
  }

  static String market(int m) {
    return "KXLAG-26NOV25-M" + m;
  }

  /** The exchange time of message {@code k}. */
  long timeOf(long k) {
    return startMicros + k * 1_000_000L / ratePerSecond;
  }

  /** The number of the next message not yet taken. */
  long next() {
    return next;
  }

  /** Each market's opening book snapshot, first on the book stream. */
  List<SnapshotRow> snapshots() {
    List<SnapshotRow> out = new ArrayList<>(markets);
    for (int m = 0; m < markets; m++) {
      sizes[m][40] = 100_000;
      out.add(
          new SnapshotRow(
              market(m),
              FeedSource.WS,
              List.of(new Level(41 * CENT, 100_000)),
              List.of(),
              KalshiWsMessage.NO_TIME,
              startMicros + latencyMicros,
              new Provenance(gatherer, connectionId, BOOK_SID, ++bookSeq)));
    }
    return out;
  }

  /**
   * Every message this gatherer has received by {@code nowMicros} (receive time = exchange time +
   * its latency), calling {@code sampled} with the number, kind and row of every {@code every}-th.
   */
  Rows receivedBy(long nowMicros, int every, Sampler sampled) {
    List<DeltaRow> deltas = new ArrayList<>();
    List<TradeRow> trades = new ArrayList<>();
    List<TickerRow> tickers = new ArrayList<>();
    while (timeOf(next) + latencyMicros <= nowMicros) {
      long k = next++;
      long t = timeOf(k);
      long received = t + latencyMicros;
      int m = rnd.nextInt(markets);
      int r = rnd.nextInt(100);
      Object row;
      Kind kind;
      if (r < 62) {
        kind = Kind.DELTA;
        row = delta(m, t, received);
        deltas.add((DeltaRow) row);
      } else if (r < 77) {
        kind = Kind.TRADE;
        long price = CENT * (1 + rnd.nextInt(LEVELS));
        row =
            new TradeRow(
                "lag-" + k,
                market(m),
                price,
                100 * CENT - price,
                100L * (1 + rnd.nextInt(20)),
                Side.YES,
                Side.YES,
                "ask",
                false,
                FeedSource.WS,
                t,
                received,
                new Provenance(gatherer, connectionId + 1, 2, ++tradeSeq));
        trades.add((TradeRow) row);
      } else {
        kind = Kind.TICKER;
        long bid = CENT * (1 + rnd.nextInt(LEVELS - 1));
        row =
            new TickerRow(
                market(m),
                bid,
                bid,
                bid + CENT,
                100L * rnd.nextInt(1000),
                100L * rnd.nextInt(1000),
                100,
                k * 100,
                k,
                k,
                k,
                t,
                received,
                new Provenance(gatherer, connectionId + 2, 3, ++tickerSeq));
        tickers.add((TickerRow) row);
      }
      if (k % every == 0) {
        sampled.sample(k, kind, row);
      }
    }
    return new Rows(deltas, trades, tickers);
  }

  /** Receives the sampled messages. */
  interface Sampler {
    void sample(long k, Kind kind, Object row);
  }

  private DeltaRow delta(int m, long t, long received) {
    int level = rnd.nextInt(2 * LEVELS);
    long size = sizes[m][level];
    long delta =
        size > 0 && rnd.nextInt(3) == 0
            ? -Math.min(size, 100L * (1 + rnd.nextInt(50)))
            : 100L * (1 + rnd.nextInt(50));
    sizes[m][level] = size + delta;
    return new DeltaRow(
        market(m),
        level < LEVELS ? Side.YES : Side.NO,
        CENT * (1 + level % LEVELS),
        delta,
        t,
        received,
        new Provenance(gatherer, connectionId, BOOK_SID, ++bookSeq));
  }

  /** The book stream's connection id. */
  long connectionId() {
    return connectionId;
  }
}
