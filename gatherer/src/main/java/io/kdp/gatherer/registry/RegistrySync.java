package io.kdp.gatherer.registry;

import io.kdp.client.rest.EventsQuery;
import io.kdp.client.rest.KalshiRestClient;
import io.kdp.client.rest.MarketsQuery;
import io.kdp.client.rest.wire.EventData;
import io.kdp.client.rest.wire.ExchangeStatus;
import io.kdp.client.rest.wire.Market;
import io.kdp.client.rest.wire.Series;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.client.ws.message.MarketLifecycle;
import io.kdp.gatherer.config.GathererConfig;
import io.kdp.gatherer.metrics.GathererMetrics;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link MarketRegistry} and the metadata database in step with the exchange over REST:
 * exchange status every {@code intervals.status}; every market and event at start; events every
 * {@code intervals.events}; a market fetched when a lifecycle event needs it; a full {@code GET
 * /markets} reconciliation every {@code intervals.reconciliation} that repairs and counts drift.
 * All work runs on one scheduler thread, never on a socket thread.
 */
public final class RegistrySync implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RegistrySync.class);

  /** What the gatherer does when the registry's view changes. */
  public interface Listener {
    /** The set of book-subscribed markets may have changed. */
    void onBookMarkets(List<String> markets);

    /** {@code exchange_active} changed. */
    void onExchangeActive(boolean active);
  }

  private final KalshiRestClient rest;
  private final MarketRegistry registry;
  private final MetadataStore metadata;
  private final GathererMetrics metrics;
  private final GathererConfig.Intervals intervals;
  private final Listener listener;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("registry").daemon().unstarted(r));
  private Boolean exchangeActive;
  private final Set<String> knownSeries = new HashSet<>();

  public RegistrySync(
      KalshiRestClient rest,
      MarketRegistry registry,
      DataSource metadataDb,
      String gatherer,
      InstantSource clock,
      GathererMetrics metrics,
      GathererConfig.Intervals intervals,
      Listener listener) {
    this.rest = rest;
    this.registry = registry;
    this.metadata = new MetadataStore(metadataDb, gatherer, clock);
    this.metrics = metrics;
    this.intervals = intervals;
    this.listener = listener;
  }

  /** Status, every market and every event, now, on the calling thread. */
  public void initialSync() throws Exception {
    pollStatus();
    List<Market> markets = rest.markets(MarketsQuery.ALL).toList();
    markets.forEach(m -> registry.observe(m.ticker(), m.status()));
    metadata.markets(markets);
    syncEvents();
    log.info(
        "initial sync: {} markets, {} book-subscribed",
        markets.size(),
        registry.bookMarkets().size());
  }

  /** Starts the periodic work. */
  public void start() {
    every(intervals.status(), this::pollStatus);
    every(intervals.events(), this::syncEvents);
    every(intervals.reconciliation(), this::reconcile);
  }

  private void every(Duration period, Task task) {
    long ms = period.toMillis();
    scheduler.scheduleWithFixedDelay(() -> run(task), ms, ms, TimeUnit.MILLISECONDS);
  }

  private interface Task {
    void run() throws Exception;
  }

  private void run(Task task) {
    try {
      task.run();
    } catch (Exception e) {
      log.warn("registry task failed (retried at its next run): {}", e.toString());
    }
  }

  private void pollStatus() {
    ExchangeStatus s = rest.exchangeStatus();
    boolean active = !Boolean.FALSE.equals(s.exchangeActive());
    if (exchangeActive == null || exchangeActive != active) {
      exchangeActive = active;
      listener.onExchangeActive(active);
    }
  }

  private void syncEvents() throws Exception {
    List<EventData> events = rest.events(EventsQuery.ALL_WITH_MARKETS.withLimit(200)).toList();
    metadata.events(events);
    // series on demand: the first time an event names a series, fetch and store it
    List<Series> fresh = new ArrayList<>();
    Set<String> asked = new HashSet<>();
    for (EventData e : events) {
      String t = e.seriesTicker();
      if (t != null && !knownSeries.contains(t) && asked.add(t)) {
        fresh.add(rest.series(t));
      }
    }
    metadata.series(fresh);
    fresh.forEach(s -> knownSeries.add(s.ticker()));
  }

  /** A full {@code GET /markets}: repairs the registry and the stored rows, counts the drift. */
  public void reconcile() throws Exception {
    List<Market> markets = rest.markets(MarketsQuery.ALL).toList();
    Map<String, String> statuses = new HashMap<>();
    markets.forEach(m -> statuses.put(m.ticker(), m.status()));
    MarketRegistry.Reconciliation r = registry.reconcile(statuses);
    metrics.reconciliationDrift("missing").increment(r.missing().size());
    metrics.reconciliationDrift("status").increment(r.statusDrift().size());
    metrics.reconciliationDrift("vanished").increment(r.vanished().size());
    if (!r.clean()) {
      log.warn("reconciliation repaired drift: {}", r);
    }
    metadata.markets(markets);
    listener.onBookMarkets(List.copyOf(registry.bookMarkets()));
  }

  /**
   * Reconciles on this component's thread soon (a lifecycle gap lost status changes), then runs
   * {@code then}; a failed reconciliation is tried again after the reconciliation interval.
   */
  public void reconcileSoon(Runnable then) {
    scheduler.execute(
        () -> {
          try {
            reconcile();
            then.run();
          } catch (Exception e) {
            log.warn("reconciliation after a lifecycle gap failed, retrying: {}", e.toString());
            scheduler.schedule(
                () -> reconcileSoon(then),
                intervals.reconciliation().toMillis(),
                TimeUnit.MILLISECONDS);
          }
        });
  }

  /** A message from the lifecycle connection (called on its socket thread; queued here). */
  public void onLifecycle(ChannelMessage message) {
    if (message instanceof MarketLifecycle m) {
      scheduler.execute(() -> run(() -> apply(m)));
    }
  }

  private void apply(MarketLifecycle m) throws Exception {
    MarketRegistry.LifecycleOutcome outcome = registry.onLifecycle(m);
    if (outcome.fetch()) {
      Market market = rest.market(m.marketTicker());
      registry.observe(market.ticker(), market.status());
      metadata.markets(List.of(market));
    }
    if (outcome instanceof MarketRegistry.LifecycleOutcome.StatusChanged) {
      listener.onBookMarkets(List.copyOf(registry.bookMarkets()));
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
