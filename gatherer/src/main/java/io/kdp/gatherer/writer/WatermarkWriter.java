package io.kdp.gatherer.writer;

import io.kdp.gatherer.router.LiveRouting;
import io.kdp.store.GathererStore;
import io.kdp.store.writer.ConnectionWatermarks;
import io.kdp.store.writer.StreamWatermarks;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asserts how far this gatherer's book streams are complete ({@code stream_watermarks}). Every
 * {@code interval} it takes a mark while frames are routed live (a receive time and the book
 * writers' queue ends then) and, checking every {@link #CHECK_MILLIS} ms, advances the watermark to
 * the newest mark whose rows are all committed as soon as they are (at most one write per mark):
 * the deduplicator decides a book window once every gatherer's watermark has passed it, so a mark
 * is not held back to the next round. It is written only after those rows' transactions, so it
 * never claims a row that is not committed; a process that dies, or routes to the journal only,
 * stops advancing it. Pending marks are bounded ({@code MAX_PENDING}, the oldest dropped: a newer
 * mark covers it).
 *
 * <p>In the same transaction it writes each book connection's watermark ({@code
 * connection_watermarks}, {@link ConnectionLiveness}): the last time a frame or ping/pong arrived
 * on it, so a connection that stalls silently stops advancing while the process goes on. Rows of
 * connections no longer tracked (ended, or of an earlier process) are closed.
 */
public final class WatermarkWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WatermarkWriter.class);
  private static final int MAX_PENDING = 600;

  /** How often a pending mark is checked for being stored (no database access). */
  static final long CHECK_MILLIS = 10;

  /** The default interval between marks: one watermark write per gatherer per interval. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

  private final String gatherer;
  private final DataSource ds;
  private final LiveRouting routing;
  private final TableWriters writers;
  private final InstantSource clock;
  private final long intervalMillis;
  private final ArrayDeque<LiveRouting.BookMark> pending = new ArrayDeque<>();
  private final Thread thread;
  private volatile long written = StreamWatermarks.NONE;

  public WatermarkWriter(
      String gatherer,
      DataSource ds,
      LiveRouting routing,
      TableWriters writers,
      InstantSource clock,
      Duration interval) {
    this.gatherer = gatherer;
    this.ds = ds;
    this.routing = routing;
    this.writers = writers;
    this.clock = clock;
    this.intervalMillis = interval.toMillis();
    this.thread = Thread.ofPlatform().name("stream-watermark").daemon().unstarted(this::run);
  }

  public WatermarkWriter start() {
    thread.start();
    return this;
  }

  /** The watermark last written (Unix µs), else {@link StreamWatermarks#NONE}. */
  public long written() {
    return written;
  }

  /** Takes a mark: the receive time now and the book queues' ends (while routing live). */
  private void mark() {
    routing.bookMark(clock).ifPresent(pending::addLast);
    while (pending.size() > MAX_PENDING) {
      pending.removeFirst();
    }
  }

  /** Writes the newest pending mark whose rows are stored, if there is one. */
  private void writeStored() {
    LiveRouting.BookMark stored = null;
    while (!pending.isEmpty() && writers.bookStored(pending.peekFirst().queued())) {
      stored = pending.removeFirst();
    }
    if (stored == null || stored.receivedBeforeMicros() <= written) {
      return;
    }
    long micros = stored.receivedBeforeMicros();
    LiveRouting.BookMark marked = stored;
    try {
      GathererStore.inTransaction(
          ds,
          c -> {
            StreamWatermarks.advance(c, gatherer, micros);
            ConnectionWatermarks.write(c, gatherer, marked.connections(), micros);
            return null;
          });
      written = micros;
      routing.liveness().written(marked.connections());
    } catch (SQLException | RuntimeException e) {
      log.debug("stream watermark not written ({}); the next stored mark retries", e.getMessage());
    }
  }

  private void run() {
    try {
      long intervalNanos = Math.max(1, intervalMillis) * 1_000_000L;
      long nextMark = System.nanoTime();
      while (!Thread.currentThread().isInterrupted()) {
        long now = System.nanoTime();
        if (now - nextMark >= 0) {
          mark();
          nextMark += intervalNanos;
          if (nextMark - now < 0) {
            nextMark = now + intervalNanos; // a round that overran brings no burst of marks
          }
        }
        if (!pending.isEmpty()) {
          writeStored();
        }
        long untilMark = Math.max(1, (nextMark - System.nanoTime()) / 1_000_000L);
        Thread.sleep(pending.isEmpty() ? untilMark : Math.min(CHECK_MILLIS, untilMark));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join();
  }
}
