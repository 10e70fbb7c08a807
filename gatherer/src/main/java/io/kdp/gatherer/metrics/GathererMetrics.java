package io.kdp.gatherer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The gatherer's meters (issue 4 item 9), in one Prometheus registry served on {@code /metrics}.
 * Names as scraped:
 *
 * <ul>
 *   <li>{@code kdp_gatherer_messages_total{channel}} — decoded messages per channel
 *   <li>{@code kdp_gatherer_malformed_frames_total{reason}} — frames kept raw and counted
 *   <li>{@code kdp_gatherer_seq_gaps_total{connection}} — sequence gaps detected
 *   <li>{@code kdp_gatherer_reconnects_total{connection}} — reconnects
 *   <li>{@code kdp_gatherer_queue_depth{queue}} — items waiting in each bounded queue
 *   <li>{@code kdp_gatherer_write_batch_seconds{table}} — COPY batch latency (histogram)
 *   <li>{@code kdp_gatherer_journal_backlog_records} — journaled frames not yet loaded
 *   <li>{@code kdp_gatherer_last_message_age_seconds{connection}} — time since the last frame
 *   <li>{@code kdp_gatherer_reconciliation_drift_total{kind}} — registry drift repaired
 *   <li>{@code kdp_gatherer_backfilled_trades_total} — trades recovered from REST
 * </ul>
 */
public final class GathererMetrics {

  private final PrometheusMeterRegistry registry;
  private final InstantSource clock;
  private final Map<String, AtomicLong> lastMessageMicros = new ConcurrentHashMap<>();

  public GathererMetrics(String gathererId, InstantSource clock) {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.registry.config().commonTags("gatherer", gathererId);
    this.clock = clock;
  }

  /** The registry, for components that add their own meters. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  public Counter messages(String channel) {
    return registry.counter("kdp.gatherer.messages", "channel", channel);
  }

  public Counter malformedFrames(String reason) {
    return registry.counter("kdp.gatherer.malformed.frames", "reason", reason);
  }

  public Counter seqGaps(String connection) {
    return registry.counter("kdp.gatherer.seq.gaps", "connection", connection);
  }

  public Counter reconnects(String connection) {
    return registry.counter("kdp.gatherer.reconnects", "connection", connection);
  }

  public Counter reconciliationDrift(String kind) {
    return registry.counter("kdp.gatherer.reconciliation.drift", "kind", kind);
  }

  public Counter backfilledTrades() {
    return registry.counter("kdp.gatherer.backfilled.trades");
  }

  /** Latency of one COPY batch into {@code table}. */
  public Timer writeBatch(String table) {
    return Timer.builder("kdp.gatherer.write.batch")
        .tag("table", table)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }

  /** Reports the depth of a bounded queue; {@code depth} is read at each scrape. */
  public void queueDepth(String queue, Supplier<Number> depth) {
    Gauge.builder("kdp.gatherer.queue.depth", depth).tag("queue", queue).register(registry);
  }

  /** Reports the journal's backlog (frames journaled but not loaded into the database). */
  public void journalBacklog(Supplier<Number> records) {
    Gauge.builder("kdp.gatherer.journal.backlog.records", records).register(registry);
  }

  /** Notes that a frame arrived on {@code connection} now. */
  public void frameReceived(String connection) {
    long now = micros();
    lastMessageMicros
        .computeIfAbsent(
            connection,
            c -> {
              AtomicLong last = new AtomicLong(now);
              Gauge.builder(
                      "kdp.gatherer.last.message.age.seconds",
                      last,
                      l -> (micros() - l.get()) / 1_000_000.0)
                  .tag("connection", c)
                  .register(registry);
              return last;
            })
        .set(now);
  }

  /** Seconds since the last frame on {@code connection}, or -1 if none arrived yet. */
  public double lastMessageAgeSeconds(String connection) {
    AtomicLong last = lastMessageMicros.get(connection);
    return last == null ? -1 : (micros() - last.get()) / 1_000_000.0;
  }

  private long micros() {
    var now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
