package io.kdp.gatherer.poller;

import io.kdp.client.rest.KalshiRestClient;
import io.kdp.client.rest.RestOrderbook;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.gatherer.metrics.GathererMetrics;
import io.kdp.store.GathererStore;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.CopyWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code intervals.snapshot-poll}, a REST orderbook snapshot of every book-subscribed market
 * through the batch endpoint ({@code GET /markets/orderbooks}, 100 tickers a call), paced by the
 * REST client's token bucket (one per API key), stored with {@code source = 'rest'}. A round that
 * fails is counted and logged; the next round takes a fresh snapshot of every market.
 */
public final class SnapshotPoller implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SnapshotPoller.class);

  private final KalshiRestClient rest;
  private final Supplier<List<String>> markets;
  private final DataSource ds;
  private final String gatherer;
  private final InstantSource clock;
  private final GathererMetrics metrics;
  private final CopyWriter<SnapshotRow> writer = new CopyWriter<>(Tables.SNAPSHOTS);
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("snapshot-poller").daemon().unstarted(r));

  public SnapshotPoller(
      KalshiRestClient rest,
      Supplier<List<String>> markets,
      DataSource timeseriesDb,
      String gatherer,
      InstantSource clock,
      GathererMetrics metrics) {
    this.rest = rest;
    this.markets = markets;
    this.ds = timeseriesDb;
    this.gatherer = gatherer;
    this.clock = clock;
    this.metrics = metrics;
  }

  public void start(Duration every) {
    long ms = every.toMillis();
    scheduler.scheduleWithFixedDelay(this::safePoll, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void safePoll() {
    try {
      poll();
    } catch (Exception e) {
      metrics.malformedFrames("rest_snapshot_round_failed").increment();
      log.warn("REST snapshot round failed (next round in one interval): {}", e.toString());
    }
  }

  /** One round now; returns the number of snapshots stored. */
  public int poll() throws Exception {
    List<String> all = markets.get();
    int stored = 0;
    for (int i = 0; i < all.size(); i += KalshiRestClient.MAX_BATCH_TICKERS) {
      List<String> batch =
          all.subList(i, Math.min(all.size(), i + KalshiRestClient.MAX_BATCH_TICKERS));
      List<RestOrderbook> books = rest.orderbooks(batch);
      long received = micros(clock.instant());
      List<SnapshotRow> rows = new ArrayList<>(books.size());
      for (RestOrderbook b : books) {
        rows.add(
            new SnapshotRow(
                b.ticker(),
                FeedSource.REST,
                b.yes(),
                b.no(),
                KalshiWsMessage.NO_TIME,
                received,
                Provenance.rest(gatherer)));
      }
      GathererStore.inTransaction(ds, c -> writer.write(c, rows));
      stored += rows.size();
      metrics.messages("rest_snapshot").increment(rows.size());
    }
    return stored;
  }

  static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
