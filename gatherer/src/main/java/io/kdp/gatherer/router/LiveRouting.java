package io.kdp.gatherer.router;

import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.gatherer.journal.JournalRecord;
import io.kdp.gatherer.journal.JournalScanner;
import io.kdp.gatherer.journal.JournalWriter;
import io.kdp.gatherer.journal.LoadedMarker;
import io.kdp.gatherer.writer.ConnectionLiveness;
import io.kdp.gatherer.writer.DatabaseHealth;
import io.kdp.gatherer.writer.TableWriters;
import io.kdp.store.writer.ConnectionWatermarks;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live path: every frame from every connection is appended to the journal and, while the
 * database keeps up, routed at once; both under one lock, so journal offsets and row positions grow
 * together. When the database is down or the writers' queues stay full for {@code roomMillis},
 * frames are only journaled ("spilled") and a loader thread brings them in from the journal once
 * the database is back and the writers are drained, then switches back to live routing. At start-up
 * it first loads what an earlier run journaled but did not store.
 */
public final class LiveRouting implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LiveRouting.class);
  private static final long ROOM_MILLIS = 20;
  private static final long CATCH_UP_UNDER_LOCK = 2_000;

  private final JournalWriter journal;
  private final Path journalDir;
  private final FrameRouter router;
  private final TableWriters writers;
  private final DatabaseHealth health;
  private final LoadedMarker marker;
  private final Object lock = new Object();
  private final AtomicLong spilled = new AtomicLong();
  private final ConnectionLiveness liveness = new ConnectionLiveness();
  private final Thread loader;
  private boolean live;
  private long resumeFrom = -1;
  private volatile boolean running = true;

  public LiveRouting(
      JournalWriter journal,
      Path journalDir,
      FrameRouter router,
      TableWriters writers,
      DatabaseHealth health,
      LoadedMarker marker) {
    this.journal = journal;
    this.journalDir = journalDir;
    this.router = router;
    this.writers = writers;
    this.health = health;
    this.marker = marker;
    this.loader = Thread.ofPlatform().name("journal-loader").daemon().unstarted(this::loaderLoop);
  }

  /** Loads what earlier runs journaled but did not store, then routes live. */
  public void start() throws InterruptedException {
    synchronized (lock) {
      resumeFrom = RowPosition.offset(writers.committedPosition());
      journal.flush();
      resumeFrom = load(resumeFrom, journal.nextOffset(), true);
      live = true;
      resumeFrom = -1;
    }
    loader.start();
  }

  /** A frame as received on connection {@code tag} ({@link ConnectionTag#format()}). */
  public void onFrame(String tag, String text, long receivedMicros) throws InterruptedException {
    onFrame(tag, text, null, receivedMicros);
  }

  /**
   * As {@link #onFrame(String, String, long)}, with the client's decoding of {@code text} (null:
   * decode here). Routed live it is not decoded again; journaled only, it is decoded when loaded.
   */
  public void onFrame(String tag, String text, KalshiWsMessage decoded, long receivedMicros)
      throws InterruptedException {
    JournalRecord record = new JournalRecord(receivedMicros, tag, text);
    synchronized (lock) {
      long offset = journal.append(record);
      if (live) {
        if (health.up() && writers.awaitRoom(RowPosition.PER_FRAME, ROOM_MILLIS)) {
          router.route(offset, record, decoded);
          writers.routed(RowPosition.of(offset + 1, 0));
          return;
        }
        live = false;
        resumeFrom = offset;
        log.warn(
            "database {}: frames from offset {} are journaled only until it catches up",
            health.up() ? "slow" : "down",
            offset);
      }
      spilled.incrementAndGet();
    }
  }

  /** True while frames are routed as they arrive. */
  public boolean live() {
    synchronized (lock) {
      return live;
    }
  }

  /**
   * While frames are routed live: the book writers' queue ends ({@link TableWriters#bookQueued}),
   * taken between frames, so every book row of a frame received before {@code receivedBefore} —
   * taken under the same lock — is behind them. Absent while frames are only journaled.
   */
  public java.util.Optional<BookMark> bookMark(java.time.InstantSource clock) {
    // the connections' liveness first: each time in it was recorded after its frames were routed,
    // so those frames are behind the queue ends taken next
    java.util.List<ConnectionWatermarks.Mark> connections = liveness.marks();
    synchronized (lock) {
      if (!live) {
        return java.util.Optional.empty();
      }
      java.time.Instant t = clock.instant();
      long micros = t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
      return java.util.Optional.of(new BookMark(micros, writers.bookQueued(), connections));
    }
  }

  /** When each book connection was last alive (fed by the connections). */
  public ConnectionLiveness liveness() {
    return liveness;
  }

  /**
   * A time, the book writers' queue ends then, and each book connection's liveness just before:
   * once the queues are stored, the connections are complete through their times.
   */
  public record BookMark(
      long receivedBeforeMicros,
      long[] queued,
      java.util.List<ConnectionWatermarks.Mark> connections) {}

  /** Frames the router had to decode itself (loaded from the journal); live frames come decoded. */
  public long framesDecodedByRouter() {
    synchronized (lock) {
      return router.decodedHere();
    }
  }

  /** Frames journaled only (loaded later) so far. */
  public long spilledFrames() {
    return spilled.get();
  }

  /** Frames journaled but not yet known stored. */
  public long backlog() {
    return Math.max(0, journal.nextOffset() - marker.get());
  }

  private void loaderLoop() {
    try {
      while (running) {
        Thread.sleep(200);
        marker.advance(RowPosition.offset(writers.committedPosition()));
        boolean catchUp;
        synchronized (lock) {
          catchUp = !live && health.up() && writers.drained();
        }
        if (catchUp) {
          catchUp();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void catchUp() throws InterruptedException {
    long from;
    synchronized (lock) {
      from = resumeFrom;
    }
    while (running && health.up()) {
      long to = journal.durableOffset();
      if (to - from <= CATCH_UP_UNDER_LOCK) {
        synchronized (lock) {
          journal.flush();
          long end = journal.nextOffset();
          from = load(from, end, false);
          if (from < end) {
            resumeFrom = from;
            return; // the database went away again
          }
          live = true;
          resumeFrom = -1;
          log.info("caught up from the journal; routing live again at offset {}", end);
          return;
        }
      }
      from = load(from, to, false);
      if (from < to) {
        synchronized (lock) {
          resumeFrom = from;
        }
        return;
      }
    }
  }

  /** Routes journal offsets [from, to); returns where it stopped (to, unless the DB failed). */
  private long load(long from, long to, boolean wait) {
    if (from >= to) {
      return from;
    }
    long[] next = {from};
    boolean[] stopped = {false};
    JournalScanner.scan(
        journalDir,
        from,
        to,
        (offset, record) -> {
          if (stopped[0]) {
            return;
          }
          while (!writers.awaitRoom(RowPosition.PER_FRAME, 1_000)) {
            if (!wait && !health.up() || Thread.currentThread().isInterrupted()) {
              stopped[0] = true;
              return;
            }
          }
          router.route(offset, record);
          writers.routed(RowPosition.of(offset + 1, 0));
          next[0] = offset + 1;
        });
    return stopped[0] ? next[0] : Math.max(next[0], to);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    loader.interrupt();
    loader.join();
  }
}
