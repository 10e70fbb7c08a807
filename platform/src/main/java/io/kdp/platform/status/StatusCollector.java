package io.kdp.platform.status;

import io.kdp.platform.status.MetricsEndpoint.Reading;
import io.kdp.platform.status.PlatformStatus.DedupView;
import io.kdp.platform.status.PlatformStatus.ExchangeView;
import io.kdp.platform.status.PlatformStatus.GathererView;
import io.kdp.platform.status.PlatformStatus.PrefixUsage;
import io.kdp.platform.status.PlatformStatus.TableCount;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every role once per {@code interval} on its own thread and keeps the latest {@link
 * PlatformStatus}; {@code /api/status} hands that out, so any number of pages polling cost the
 * roles nothing extra. Rates (messages per second) are counter differences between two readings.
 * Any probe may be null: that role is absent from the status.
 */
public final class StatusCollector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StatusCollector.class);

  private final InstantSource clock;
  private final ExchangeProbe exchange;
  private final List<MetricsEndpoint> gatherers;
  private final MetricsEndpoint dedup;
  private final ProductionProbe production;
  private final ArchiveProbe archive;
  private final HttpClient http = new HttpClient();
  private final ScheduledExecutorService thread;
  private final Map<String, Map<String, Double>> lastByChannel = new HashMap<>();
  private long lastEmitted = -1;
  private long lastAtMillis;
  private volatile PlatformStatus latest;

  public StatusCollector(
      InstantSource clock,
      ExchangeProbe exchange,
      List<MetricsEndpoint> gatherers,
      MetricsEndpoint dedup,
      ProductionProbe production,
      ArchiveProbe archive) {
    this.clock = clock;
    this.exchange = exchange;
    this.gatherers = List.copyOf(gatherers);
    this.dedup = dedup;
    this.production = production;
    this.archive = archive;
    this.latest = new PlatformStatus(clock.millis(), null, List.of(), null, List.of(), null);
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "status-collector");
              t.setDaemon(true);
              return t;
            });
  }

  /** Takes a first reading now, then one every {@code interval}. */
  public StatusCollector start(Duration interval) throws Exception {
    http.start();
    collect();
    long ms = interval.toMillis();
    thread.scheduleWithFixedDelay(this::safeCollect, ms, ms, TimeUnit.MILLISECONDS);
    return this;
  }

  public PlatformStatus latest() {
    return latest;
  }

  private void safeCollect() {
    try {
      collect();
    } catch (RuntimeException e) {
      LOG.warn("status reading failed: {}", e.toString());
    }
  }

  /** Takes one reading of every role (on the collector's thread, or the caller's in tests). */
  synchronized PlatformStatus collect() {
    long now = clock.millis();
    double seconds = lastAtMillis == 0 ? 0 : (now - lastAtMillis) / 1000.0;
    ExchangeView ex = exchange == null ? null : readExchange(seconds);
    List<GathererView> gs = new ArrayList<>();
    for (MetricsEndpoint g : gatherers) {
      gs.add(readGatherer(g, seconds));
    }
    DedupView d = dedup == null ? null : readDedup(dedup.read(http));
    List<TableCount> rows = List.of();
    if (production != null) {
      try {
        rows = production.counts();
      } catch (Exception e) {
        LOG.debug("production not readable: {}", e.toString());
      }
    }
    Map<String, PrefixUsage> arc = null;
    if (archive != null) {
      try {
        arc = archive.usage();
      } catch (Exception e) {
        LOG.debug("archive not readable: {}", e.toString());
      }
    }
    lastAtMillis = now;
    latest = new PlatformStatus(now, ex, List.copyOf(gs), d, rows, arc);
    return latest;
  }

  private ExchangeView readExchange(double seconds) {
    ExchangeProbe.Counts c = exchange.read();
    double rate =
        lastEmitted < 0 || seconds <= 0 ? 0 : (c.messagesEmitted() - lastEmitted) / seconds;
    lastEmitted = c.messagesEmitted();
    return new ExchangeView(
        "simulator", c.messagesEmitted(), c.tradesEmitted(), c.tradesOnTape(), rate, c.active());
  }

  private GathererView readGatherer(MetricsEndpoint g, double seconds) {
    Reading r = g.read(http);
    if (r.scrape() == null) {
      lastByChannel.remove(g.name());
      return new GathererView(g.name(), false, 0, Map.of(), 0, 0, 0, null, 0, r.error());
    }
    PrometheusText.Scrape s = r.scrape();
    Map<String, Double> totals = new TreeMap<>();
    for (PrometheusText.Sample m : s.named("kdp_gatherer_messages_total")) {
      totals.merge(m.label("channel"), m.value(), Double::sum);
    }
    Map<String, Double> previous = lastByChannel.put(g.name(), totals);
    Map<String, Double> rates = new TreeMap<>();
    for (Map.Entry<String, Double> e : totals.entrySet()) {
      Double before = previous == null ? null : previous.get(e.getKey());
      rates.put(
          e.getKey(),
          before == null || seconds <= 0 ? 0.0 : Math.max(0, (e.getValue() - before) / seconds));
    }
    List<PrometheusText.Sample> ages = s.named("kdp_gatherer_last_message_age_seconds");
    Double youngest =
        ages.isEmpty()
            ? null
            : ages.stream().mapToDouble(PrometheusText.Sample::value).min().orElseThrow();
    return new GathererView(
        g.name(),
        r.healthy(),
        (int) ages.stream().map(a -> a.label("connection")).distinct().count(),
        rates,
        totals.values().stream().mapToDouble(Double::doubleValue).sum(),
        s.sum("kdp_gatherer_seq_gaps_total"),
        s.sum("kdp_gatherer_reconnects_total"),
        youngest,
        s.sum("kdp_gatherer_journal_backlog_records"),
        r.error());
  }

  private static DedupView readDedup(Reading r) {
    if (r.scrape() == null) {
      return new DedupView(false, Map.of(), 0, 0, 0, 0, r.error());
    }
    Map<String, Double> lag = new TreeMap<>();
    double merged = 0;
    double dups = 0;
    double holes = 0;
    double decidedTo = 0;
    for (PrometheusText.Sample m : r.scrape().samples()) {
      String n = m.name();
      // a gauge whose owner stopped reads NaN: absent, not a number to show
      if (!n.startsWith("kdp_dedup_") || !Double.isFinite(m.value())) {
        continue;
      }
      if (n.contains("lag") && n.endsWith("seconds")) {
        lag.merge(m.label("gatherer"), m.value(), Math::max);
      } else if (n.contains("merged") && n.endsWith("_total")) {
        merged += m.value();
      } else if (n.contains("duplicate") && n.endsWith("_total")) {
        dups += m.value();
      } else if (n.contains("coverage_hole")) {
        holes += m.value();
      } else if (n.equals("kdp_dedup_decided_to")) {
        decidedTo = m.value();
      }
    }
    return new DedupView(r.healthy(), lag, merged, dups, holes, decidedTo, r.error());
  }

  @Override
  public void close() throws Exception {
    thread.shutdownNow();
    thread.awaitTermination(5, TimeUnit.SECONDS);
    http.stop();
  }
}
