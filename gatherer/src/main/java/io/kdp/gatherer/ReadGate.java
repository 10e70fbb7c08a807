package io.kdp.gatherer;

import io.kdp.gatherer.connection.ConnectionManager;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the gatherer reads from the exchange: not while the exchange is inactive (maintenance),
 * and not while the journal holds {@code journal.max-backlog-frames} frames not yet stored (the
 * local database down or slow for long), which bounds the journal's disk use without ever deleting
 * an unloaded segment. Reading stops by closing every connection, as for maintenance, and starts
 * again once the backlog is below half the limit: trades of the gap are back-filled over REST and
 * every book is resubscribed (fresh snapshots). Checked every second.
 */
final class ReadGate implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReadGate.class);

  private final ConnectionManager connections;
  private final LongSupplier backlog;
  private final long maxBacklog;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("read-gate").daemon().unstarted(r));
  private boolean exchangeActive = true;
  private volatile boolean backlogFull;

  ReadGate(ConnectionManager connections, LongSupplier backlog, long maxBacklog) {
    this.connections = connections;
    this.backlog = backlog;
    this.maxBacklog = maxBacklog;
  }

  void start() {
    timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
  }

  synchronized void exchangeActive(boolean active) throws Exception {
    exchangeActive = active;
    apply();
  }

  /** True while reading is stopped because the journal backlog reached its limit. */
  boolean backlogFull() {
    return backlogFull;
  }

  synchronized void check() {
    long b = backlog.getAsLong();
    boolean full = backlogFull ? b >= maxBacklog / 2 : b >= maxBacklog;
    if (full != backlogFull) {
      backlogFull = full;
      log.warn(
          full
              ? "journal backlog {} frames reached its limit {}: stopped reading from the exchange"
              : "journal backlog {} frames below half its limit {}: reading from the exchange",
          b,
          maxBacklog);
    }
    try {
      apply();
    } catch (Exception e) {
      log.error("resuming connections failed: {}", e.toString());
    }
  }

  private void apply() throws Exception {
    if (exchangeActive && !backlogFull) {
      connections.resume();
    } else {
      connections.pause();
    }
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(5, TimeUnit.SECONDS);
  }
}
