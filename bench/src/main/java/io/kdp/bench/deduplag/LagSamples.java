package io.kdp.bench.deduplag;

import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sampled exchange messages and when each became durable: the commit time of every gatherer's copy
 * (recorded by the writers) and the commit time of the production transaction that first held the
 * message (found by {@link #findIn} right after each deduplicator cycle commits). A message's lag
 * is production commit minus the commit of the gatherer copy production kept.
 */
final class LagSamples {

  private static final String[] QUERIES = {
    // DELTA: the unique key's (market, time) prefix finds it; seq picks the message
    "SELECT i.k, d.gatherer FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::bigint[])"
        + " AS i(k, m, e, s) JOIN orderbook_deltas d ON d.market = i.m AND d.time ="
        + " kdp_micros(i.e) AND d.seq = i.s",
    "SELECT i.k, t.gatherer FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[])"
        + " AS i(k, m, e, id) JOIN trades t ON t.market = i.m AND t.time = kdp_micros(i.e)"
        + " AND t.trade_id = i.id",
    "SELECT i.k, x.gatherer FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[])"
        + " AS i(k, m, e, unused) JOIN tickers x ON x.market = i.m AND x.time = kdp_micros(i.e)"
  };

  private static final class Sample {
    final long k;
    final ExchangeStream.Kind kind;
    final String market;
    final long timeMicros;
    final long seq;
    final String tradeId;
    final long[] committed;
    volatile long inProduction;
    volatile int keptFrom = -1;

    Sample(long k, ExchangeStream.Kind kind, Object row, int gatherers) {
      this.k = k;
      this.kind = kind;
      this.committed = new long[gatherers];
      switch (row) {
        case DeltaRow d -> {
          market = d.market();
          timeMicros = d.exchangeTimeMicros();
          seq = d.provenance().seq();
          tradeId = "";
        }
        case TradeRow t -> {
          market = t.market();
          timeMicros = t.exchangeTimeMicros();
          seq = 0;
          tradeId = t.tradeId();
        }
        case TickerRow t -> {
          market = t.market();
          timeMicros = t.exchangeTimeMicros();
          seq = 0;
          tradeId = "";
        }
        default -> throw new IllegalArgumentException("not a sampled row: " + row);
      }
    }
  }

  private final List<String> gatherers;
  private final Map<Long, Sample> samples = new ConcurrentHashMap<>();
  private final java.util.Queue<Sample> fresh = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final Map<ExchangeStream.Kind, List<Sample>> pending =
      new EnumMap<>(ExchangeStream.Kind.class);

  LagSamples(List<String> gatherers) {
    this.gatherers = List.copyOf(gatherers);
    for (ExchangeStream.Kind kind : ExchangeStream.Kind.values()) {
      pending.put(kind, new ArrayList<>());
    }
  }

  /** Registers message {@code k} (any writer may call; the first registers). */
  void register(long k, ExchangeStream.Kind kind, Object row) {
    samples.computeIfAbsent(
        k,
        x -> {
          Sample s = new Sample(k, kind, row, gatherers.size());
          fresh.add(s);
          return s;
        });
  }

  /** Gatherer {@code index} committed message {@code k} at {@code micros}. */
  void committed(long k, int index, long micros) {
    Sample s = samples.get(k);
    synchronized (s) {
      s.committed[index] = micros;
    }
  }

  /**
   * Looks for every sample not yet found in production (the caller has just seen a production
   * commit at {@code committedMicros}); found ones get that commit time.
   */
  void findIn(Connection c, long committedMicros) throws SQLException {
    for (Sample s = fresh.poll(); s != null; s = fresh.poll()) {
      pending.get(s.kind).add(s);
    }
    for (ExchangeStream.Kind kind : ExchangeStream.Kind.values()) {
      List<Sample> wait = pending.get(kind);
      if (wait.isEmpty()) {
        continue;
      }
      Map<Long, Sample> byK = new java.util.HashMap<>();
      wait.forEach(s -> byK.put(s.k, s));
      try (PreparedStatement ps = c.prepareStatement(QUERIES[kind.ordinal()])) {
        ps.setArray(1, c.createArrayOf("bigint", wait.stream().map(s -> s.k).toArray()));
        ps.setArray(2, c.createArrayOf("text", wait.stream().map(s -> s.market).toArray()));
        ps.setArray(3, c.createArrayOf("bigint", wait.stream().map(s -> s.timeMicros).toArray()));
        ps.setArray(
            4,
            kind == ExchangeStream.Kind.DELTA
                ? c.createArrayOf("bigint", wait.stream().map(s -> s.seq).toArray())
                : c.createArrayOf("text", wait.stream().map(s -> s.tradeId).toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Sample s = byK.get(rs.getLong(1));
            s.keptFrom = gatherers.indexOf(rs.getString(2));
            s.inProduction = committedMicros;
          }
        }
      }
      wait.removeIf(s -> s.inProduction != 0);
    }
  }

  /**
   * Lags (ms) of the samples of {@code kind} whose kept gatherer copy committed in {@code [from,
   * to)}; {@code designMicros} gives per sample the part of the lag the design imposes (0: none).
   */
  Summary summary(ExchangeStream.Kind kind, long from, long to, DesignWait design) {
    List<Long> lags = new ArrayList<>();
    List<Long> designs = new ArrayList<>();
    long missing = 0;
    for (Sample s : samples.values()) {
      if (s.kind != kind) {
        continue;
      }
      long committed;
      synchronized (s) {
        committed =
            s.keptFrom >= 0 ? s.committed[s.keptFrom] : Arrays.stream(s.committed).max().orElse(0);
      }
      if (committed < from || committed >= to) {
        continue;
      }
      if (s.inProduction == 0) {
        missing++;
        continue;
      }
      lags.add(s.inProduction - committed);
      designs.add(design.micros(s.timeMicros, committed));
    }
    return new Summary(lags.size(), missing, Percentiles.of(lags), Percentiles.of(designs));
  }

  /** The wait the design imposes on a row of exchange time {@code t} committed at {@code c}. */
  interface DesignWait {
    long micros(long t, long c);
  }

  /** Lag percentiles of one kind; {@code notMerged}: committed samples production never got. */
  record Summary(long samples, long notMerged, Percentiles lag, Percentiles design) {}

  static long nowMicros() {
    Instant t = Instant.now();
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }
}
