package io.kdp.platform.demo;

import io.kdp.sim.fault.FaultSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kdp demo --chaos}: one disruption every {@link #PERIOD}: every other step one gatherer
 * goes down until the next step (a, b, c in turn; never two at once) — alternately its whole host
 * (process and databases) and its process alone (databases stay up and readable, so the
 * deduplicator must follow its streams only to their watermarks) — and each step applies the next
 * of {@link #SCHEDULE}, the exchange's faults (dropped connections, skipped and duplicated seq
 * numbers, error 25, 429s and 5xx, a maintenance window, late frames), each switched off again at
 * the next step. Every action is logged and kept in {@link #actions()}.
 */
public final class DemoChaos implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoChaos.class);

  /** Time between two steps. */
  public static final Duration PERIOD = Duration.ofSeconds(15);

  /** The exchange fault SPECs applied in turn (see the simulator's FaultSpec); cycled. */
  public static final List<String> SCHEDULE =
      List.of(
          "disconnect",
          "skip-seq=3",
          "http-5xx=0.2",
          "duplicate=5",
          "slow-consumer",
          "http-429=0.2",
          "maintenance=10s",
          "delay=20/2s",
          "stop-pings");

  private final DemoPlatform demo;
  private final ScheduledExecutorService thread;
  private final List<String> actions = new ArrayList<>();
  private int step;

  private DemoChaos(DemoPlatform demo) {
    this.demo = demo;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "demo-chaos");
              t.setDaemon(true);
              return t;
            });
  }

  public static DemoChaos start(DemoPlatform demo) {
    DemoChaos chaos = new DemoChaos(demo);
    long ms = PERIOD.toMillis();
    chaos.thread.scheduleWithFixedDelay(chaos::safeStep, ms, ms, TimeUnit.MILLISECONDS);
    return chaos;
  }

  /** One line for the console. */
  public String describe() {
    return "every " + PERIOD.toSeconds() + " s, in turn: " + String.join(", ", SCHEDULE);
  }

  /** What was done so far, oldest first. */
  public synchronized List<String> actions() {
    return List.copyOf(actions);
  }

  private void safeStep() {
    try {
      step();
    } catch (RuntimeException e) {
      LOG.warn("chaos step failed: {}", e.toString());
    }
  }

  private synchronized void step() {
    demo.simulator().faults().clear();
    List<DemoGatherer> gatherers = demo.gatherers();
    for (DemoGatherer g : gatherers) {
      if (!g.running()) {
        try {
          g.start();
          record("gatherer " + g.id() + " restarted");
        } catch (Exception e) {
          record("gatherer " + g.id() + " failed to restart: " + e);
        }
      }
    }
    DemoDeduplicator dedup = demo.dedup();
    if (dedup != null && !dedup.running()) {
      try {
        dedup.start();
        record("deduplicator restarted");
      } catch (Exception e) {
        record("deduplicator failed to restart: " + e);
      }
    }
    if (dedup != null && step % 4 == 2) {
      try {
        dedup.stop();
        record("deduplicator stopped");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (step % 2 == 1 && !gatherers.isEmpty()) {
      // every other step one gatherer goes down until the next step: a, b, c in turn
      DemoGatherer victim = gatherers.get((step / 2) % gatherers.size());
      try {
        if (step % 4 == 1) {
          victim.kill();
          record("gatherer " + victim.id() + " killed with its databases");
        } else {
          victim.stop();
          record("gatherer " + victim.id() + " process stopped, its databases up");
        }
      } catch (Exception e) {
        record("gatherer " + victim.id() + " failed to stop: " + e);
      }
    }
    String spec = SCHEDULE.get(step % SCHEDULE.size());
    List<String> done = demo.simulator().faults().apply(FaultSpec.parse(spec));
    record("exchange: " + String.join(", ", done));
    step++;
  }

  private void record(String action) {
    actions.add(action);
    LOG.info("chaos: {}", action);
  }

  @Override
  public void close() throws InterruptedException {
    thread.shutdownNow();
    thread.awaitTermination(5, TimeUnit.SECONDS);
    demo.simulator().faults().clear();
  }
}
