package io.kdp.gatherer.writer;

import io.kdp.store.GathererStore;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One table's writer: a bounded queue (capacity {@code capacity}; the router checks for room before
 * routing a frame and otherwise leaves it to the journal, so {@link #offer} never waits) drained by
 * one thread in batches of up to {@code batchRows} rows or {@code maxDelay}. Each batch is written
 * in one transaction together with the table's {@link JournalPositions} entry. A failed batch is
 * held and retried with capped backoff until it is written — never dropped.
 */
final class TableWriter<R> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TableWriter.class);

  private record Item<R>(long position, R row) {}

  private final String table;
  private final String gatherer;
  private final DataSource ds;
  private final BatchWrite<R> write;
  private final ArrayBlockingQueue<Item<R>> queue;
  private final int batchRows;
  private final long maxDelayNanos;
  private final DatabaseHealth health;
  private final Timer timer;
  private final Thread thread;
  private volatile long enqueuedNext;
  private volatile long routedNext;
  private volatile long committed;
  private volatile boolean busy;
  private volatile boolean running = true;

  TableWriter(
      String table,
      String gatherer,
      DataSource ds,
      BatchWrite<R> write,
      int capacity,
      int batchRows,
      Duration maxDelay,
      DatabaseHealth health,
      Timer timer,
      long committed) {
    this.table = table;
    this.gatherer = gatherer;
    this.ds = ds;
    this.write = write;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.batchRows = batchRows;
    this.maxDelayNanos = maxDelay.toNanos();
    this.health = health;
    this.timer = timer;
    this.committed = committed;
    this.enqueuedNext = committed;
    this.thread = Thread.ofPlatform().name("writer-" + table).daemon().start(this::run);
  }

  /** Queues a row unless this table already has it (position below what was queued or stored). */
  void offer(long position, R row) throws InterruptedException {
    if (position < enqueuedNext) {
      return;
    }
    queue.put(new Item<>(position, row));
    enqueuedNext = position + 1; // after the put: see persistIdle()
  }

  /** Every row for this table below {@code nextPosition} has been offered (routing thread). */
  void routed(long nextPosition) {
    routedNext = nextPosition;
  }

  int room() {
    return queue.remainingCapacity();
  }

  int depth() {
    return queue.size();
  }

  /** Every row offered so far is below this position. */
  long enqueued() {
    return enqueuedNext;
  }

  /** Rows below this position are stored. */
  long committed() {
    return committed;
  }

  /** True when everything queued so far is stored. */
  boolean drained() {
    return queue.isEmpty() && !busy;
  }

  String table() {
    return table;
  }

  private void run() {
    List<Item<R>> batch = new ArrayList<>(batchRows);
    try {
      while (running || !queue.isEmpty()) {
        Item<R> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          persistIdle();
          continue;
        }
        busy = true;
        batch.add(first);
        long deadline = System.nanoTime() + maxDelayNanos;
        while (batch.size() < batchRows) {
          if (queue.drainTo(batch, batchRows - batch.size()) == 0) {
            long left = deadline - System.nanoTime();
            Item<R> more = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (more == null) {
              break;
            }
            batch.add(more);
          }
        }
        writeUntilStored(batch);
        batch.clear();
        busy = false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void persistIdle() throws InterruptedException {
    // routedNext is read before the queue: a row offered below it is then seen in the queue
    long e = Math.max(enqueuedNext, routedNext);
    if (e > committed && queue.isEmpty()) {
      writeUntilStored(List.of(new Item<>(e - 1, null)));
    }
  }

  private void writeUntilStored(List<Item<R>> batch) throws InterruptedException {
    List<R> rows = new ArrayList<>(batch.size());
    for (Item<R> i : batch) {
      if (i.row() != null) {
        rows.add(i.row());
      }
    }
    long upTo = batch.getLast().position() + 1;
    long backoff = 100;
    while (true) {
      long start = System.nanoTime();
      try {
        GathererStore.inTransaction(
            ds,
            c -> {
              if (!rows.isEmpty()) {
                write.write(c, rows);
              }
              JournalPositions.advance(c, gatherer, table, upTo);
              return null;
            });
        committed = upTo;
        if (!rows.isEmpty()) {
          timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        health.succeeded();
        return;
      } catch (SQLException | RuntimeException e) {
        health.failed(table, e);
        log.debug("{}: batch of {} rows failed, retrying in {} ms", table, rows.size(), backoff, e);
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  /** Writes what is queued and stops. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(30_000);
    if (thread.isAlive()) { // the database is still down: give up the held batch (it is journaled)
      log.warn("{}: stopped with {} rows unwritten; they are in the journal", table, queue.size());
      thread.interrupt();
      thread.join();
    }
  }
}
