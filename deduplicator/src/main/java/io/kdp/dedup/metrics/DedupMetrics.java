package io.kdp.dedup.metrics;

import io.kdp.dedup.production.MergeCounts;
import io.kdp.dedup.sync.SyncTable;
import io.kdp.store.position.Position;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The deduplicator's meters (Micrometer; Prometheus names in parentheses):
 *
 * <ul>
 *   <li>{@code kdp.dedup.rows.merged{table}} ({@code kdp_dedup_rows_merged_total}): rows new to
 *       production;
 *   <li>{@code kdp.dedup.duplicates.discarded{table}}: rows offered that production already held;
 *   <li>{@code kdp.dedup.gatherer.lag{gatherer}} (seconds): newest row read from the gatherer minus
 *       the time up to which the book is merged;
 *   <li>{@code kdp.dedup.gatherer.up{gatherer}}: 1 if the last read succeeded;
 *   <li>{@code kdp.dedup.late.rows{gatherer}}: book rows refused because their seq was merged;
 *   <li>{@code kdp.dedup.late.merged{gatherer}}: book rows of a quiet stream that arrived after
 *       their window was decided (delivered later than the grace), merged at the next window start;
 *   <li>{@code kdp.dedup.coverage.holes}: hole runs in {@code coverage};
 *   <li>{@code kdp.dedup.cursor.position{gatherer,table}}: the cursor's {@code pos};
 *   <li>{@code kdp.dedup.decided.to} (Unix seconds): the book is merged up to here;
 *   <li>{@code kdp.dedup.gatherer.database.replaced{gatherer,source}}: times a gatherer's database
 *       turned out to be another one than its cursors were saved against (cursors restarted).
 * </ul>
 */
public final class DedupMetrics {

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

  public DedupMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void merged(List<MergeCounts> counts) {
    for (MergeCounts m : counts) {
      Counter.builder("kdp.dedup.rows.merged")
          .tag("table", m.table())
          .register(registry)
          .increment(m.written());
      Counter.builder("kdp.dedup.duplicates.discarded")
          .tag("table", m.table())
          .register(registry)
          .increment(m.duplicates());
    }
  }

  public void databaseReplaced(String gatherer, String source) {
    Counter.builder("kdp.dedup.gatherer.database.replaced")
        .tag("gatherer", gatherer)
        .tag("source", source)
        .register(registry)
        .increment();
  }

  public void up(String gatherer, boolean up) {
    gauge("kdp.dedup.gatherer.up", "gatherer", gatherer).set(up ? 1 : 0);
  }

  public void lagMillis(String gatherer, long millis) {
    AtomicLong g = gauges.get("lag/" + gatherer);
    if (g == null) {
      AtomicLong value = new AtomicLong();
      Gauge.builder("kdp.dedup.gatherer.lag", value, v -> v.get() / 1000.0)
          .tag("gatherer", gatherer)
          .baseUnit("seconds")
          .register(registry);
      gauges.putIfAbsent("lag/" + gatherer, value);
      g = gauges.get("lag/" + gatherer);
    }
    g.set(millis);
  }

  public void lateRows(String gatherer, long total) {
    gauge("kdp.dedup.late.rows", "gatherer", gatherer).set(total);
  }

  public void lateMerged(String gatherer, long total) {
    gauge("kdp.dedup.late.merged", "gatherer", gatherer).set(total);
  }

  public void holes(long holes) {
    gauge("kdp.dedup.coverage.holes", null, null).set(holes);
  }

  public void decidedToSeconds(long seconds) {
    gauge("kdp.dedup.decided.to", null, null).set(seconds);
  }

  public void cursors(String gatherer, Map<SyncTable, Position> positions) {
    for (Map.Entry<SyncTable, Position> e : positions.entrySet()) {
      String key = "cursor/" + gatherer + "/" + e.getKey().tableName();
      gauges
          .computeIfAbsent(
              key,
              k -> {
                AtomicLong v = new AtomicLong();
                Gauge.builder("kdp.dedup.cursor.position", v, AtomicLong::get)
                    .tag("gatherer", gatherer)
                    .tag("table", e.getKey().tableName())
                    .register(registry);
                return v;
              })
          .set(e.getValue().pos());
    }
  }

  private AtomicLong gauge(String name, String tag, String value) {
    return gauges.computeIfAbsent(
        name + "/" + value,
        k -> {
          AtomicLong v = new AtomicLong();
          Gauge.Builder<AtomicLong> b = Gauge.builder(name, v, AtomicLong::get);
          if (tag != null) {
            b.tag(tag, value);
          }
          b.register(registry);
          return v;
        });
  }
}
