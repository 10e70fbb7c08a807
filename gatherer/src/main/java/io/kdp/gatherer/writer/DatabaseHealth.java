package io.kdp.gatherer.writer;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the gatherer's database takes writes: any writer's failure marks it down, the next
 * success marks it up. Repeated failures log one line per state change with a count, not one per
 * attempt.
 */
public final class DatabaseHealth {

  private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

  private volatile boolean up = true;
  private volatile String lastError = "";
  private final AtomicLong failures = new AtomicLong();

  public boolean up() {
    return up;
  }

  /** The last failure's SQL state and message (no credentials are ever in them). */
  public String lastError() {
    return lastError;
  }

  /** Failed writes so far. */
  public long failures() {
    return failures.get();
  }

  void failed(String writer, Exception e) {
    failures.incrementAndGet();
    lastError = e.toString();
    if (up) {
      up = false;
      log.error(
          "database down ({} writer): {}; batches are held and retried", writer, e.toString());
    }
  }

  void succeeded() {
    if (!up) {
      up = true;
      log.info("database up again after {} failed write(s)", failures.get());
    }
  }
}
