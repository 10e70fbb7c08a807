package io.kdp.gatherer.backfill;

import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import io.kdp.client.model.Side;
import io.kdp.client.rest.KalshiRestClient;
import io.kdp.client.rest.TradesQuery;
import io.kdp.client.rest.wire.Trade;
import io.kdp.gatherer.metrics.GathererMetrics;
import io.kdp.store.GathererStore;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.TradeRow;
import io.kdp.store.writer.TradeWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back-fills trades from {@code GET /markets/trades} for a window in which the trade stream (or the
 * whole gatherer) was down. Trades are stored once per {@code trade_id} ({@link TradeWriter}), so
 * overlapping windows and trades also seen live cost nothing. Windows run one at a time on their
 * own thread.
 */
public final class TradeBackfill implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TradeBackfill.class);
  private static final int BATCH = 1000;

  private final KalshiRestClient rest;
  private final DataSource ds;
  private final String gatherer;
  private final InstantSource clock;
  private final GathererMetrics metrics;
  private final TradeWriter writer = new TradeWriter();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().name("backfill").daemon().unstarted(r));

  public TradeBackfill(
      KalshiRestClient rest,
      DataSource timeseriesDb,
      String gatherer,
      InstantSource clock,
      GathererMetrics metrics) {
    this.rest = rest;
    this.ds = timeseriesDb;
    this.gatherer = gatherer;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Queues a back-fill of {@code [fromMicros, toMicros]} (Unix µs). */
  public Future<Integer> fill(long fromMicros, long toMicros) {
    return fill(fromMicros, toMicros, () -> {});
  }

  /** As {@link #fill(long, long)}, running {@code then} once the window's trades are stored. */
  public Future<Integer> fill(long fromMicros, long toMicros, Runnable then) {
    return executor.submit(
        () -> {
          int n = fillUntilDone(toInstant(fromMicros), toInstant(toMicros));
          then.run();
          return n;
        });
  }

  /**
   * Where a back-fill for the time this gatherer was down starts: a minute before the newest trade
   * it stored, or a minute before now when it never stored one. Read this before the trade stream
   * opens.
   */
  public Instant downSince() throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT max(exchange_time) FROM trades WHERE gatherer = ?")) {
      ps.setString(1, gatherer);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
        return (t == null ? clock.instant() : t.toInstant()).minusSeconds(60);
      }
    }
  }

  /**
   * Back-fills a window, retrying the whole window (idempotent: trades are keyed by {@code
   * trade_id}) with capped backoff while the database or the REST API fails.
   */
  private int fillUntilDone(Instant from, Instant to) throws InterruptedException {
    long backoff = 500;
    while (true) {
      try {
        return fillNow(from, to);
      } catch (SQLException | RuntimeException e) {
        if (executor.isShutdown()) { // closing: the request was interrupted, not failed
          throw new InterruptedException("back-fill of [" + from + ", " + to + "] stopped");
        }
        log.warn(
            "back-fill of [{}, {}] failed, retrying in {} ms: {}", from, to, backoff, e.toString());
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  private int fillNow(Instant from, Instant to) throws SQLException {
    Instant min = from.truncatedTo(ChronoUnit.SECONDS);
    Instant max = to.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    long received = micros(clock.instant());
    int inserted = 0;
    Iterator<Trade> trades = rest.trades(new TradesQuery(1000, null, min, max)).iterator();
    List<TradeRow> batch = new ArrayList<>(BATCH);
    while (trades.hasNext()) {
      batch.add(row(trades.next(), received));
      if (batch.size() == BATCH || !trades.hasNext()) {
        List<TradeRow> rows = List.copyOf(batch);
        inserted += GathererStore.inTransaction(ds, c -> writer.write(c, rows)).inserted();
        batch.clear();
      }
    }
    metrics.backfilledTrades().increment(inserted);
    log.info("back-filled {} trades in [{}, {}]", inserted, min, max);
    return inserted;
  }

  private TradeRow row(Trade t, long received) {
    Instant created = OffsetDateTime.parse(t.createdTime()).toInstant();
    return new TradeRow(
        t.tradeId(),
        t.ticker(),
        Dollars.parse(t.yesPriceDollars()),
        Dollars.parse(t.noPriceDollars()),
        Contracts.parse(t.countFp()),
        side(t.takerSide()),
        side(t.takerOutcomeSide()),
        t.takerBookSide(),
        false,
        FeedSource.REST,
        micros(created),
        received,
        Provenance.rest(gatherer));
  }

  private static Side side(String s) {
    return s == null || s.isEmpty() ? null : Side.fromWire(s);
  }

  private static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
