package io.kdp.gatherer.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every frame, as received, to gzip-compressed JSON-lines segments in one directory.
 *
 * <p>Frames pass through a bounded in-memory buffer of {@code bufferFrames} to one writer thread.
 * <b>Policy when the buffer is full: {@link #append} blocks</b> (the socket reader stops reading
 * and TCP pushes back on the exchange) — a frame is never dropped. Each appended frame gets the
 * next journal offset; offsets continue across restarts (a segment is named after its first
 * offset). The writer flushes the compressed stream after every batch it drains, so a crash loses
 * at most the frames still in memory; a new process always starts a new segment.
 *
 * <p>A segment is closed at {@code segmentBytes} compressed bytes or {@code segmentMaxAge}; on each
 * close, segments older than {@code retention} that lie wholly below the {@link LoadedMarker} are
 * deleted. Segments not yet loaded are never deleted.
 */
public final class JournalWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);
  private static final int BATCH = 8192;

  private final Path dir;
  private final long segmentBytes;
  private final Duration segmentMaxAge;
  private final Duration retention;
  private final InstantSource clock;
  private final LoadedMarker marker;
  private final ArrayBlockingQueue<Object> buffer;
  private final Object appendLock = new Object();
  private final Thread thread;
  private final AtomicLong durable;
  private final AtomicLong writeErrors = new AtomicLong();
  private final AtomicLong segmentsDeleted = new AtomicLong();
  private long nextOffset;
  private volatile boolean running = true;

  // writer-thread state
  private SegmentOutput out;
  private long written;

  private record Barrier(CountDownLatch done) {}

  private JournalWriter(
      Path dir,
      long segmentBytes,
      Duration segmentMaxAge,
      Duration retention,
      int bufferFrames,
      InstantSource clock,
      LoadedMarker marker,
      long firstOffset) {
    this.dir = dir;
    this.segmentBytes = segmentBytes;
    this.segmentMaxAge = segmentMaxAge;
    this.retention = retention;
    this.clock = clock;
    this.marker = marker;
    this.buffer = new ArrayBlockingQueue<>(bufferFrames);
    this.nextOffset = firstOffset;
    this.written = firstOffset;
    this.durable = new AtomicLong(firstOffset);
    this.thread = Thread.ofPlatform().name("journal-writer").daemon().unstarted(this::run);
  }

  /**
   * Opens the journal in {@code dir}, continuing the offsets after its last good record, and starts
   * the writer thread.
   */
  public static JournalWriter open(
      Path dir,
      long segmentBytes,
      Duration segmentMaxAge,
      Duration retention,
      int bufferFrames,
      InstantSource clock,
      LoadedMarker marker) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create journal directory " + dir, e);
    }
    long first = 0;
    List<JournalSegment> segments = JournalSegment.list(dir);
    if (!segments.isEmpty()) {
      JournalSegment last = segments.getLast();
      long good;
      try (JournalReader r = JournalReader.open(last.path())) {
        while (r.next() != null) {}
        good = r.records();
        if (r.corrupt() > 0) {
          log.warn("{}: {} record(s) after the last good one were lost", last.path(), r.corrupt());
        }
      }
      first = last.firstOffset() + good;
      if (good == 0) {
        deleteQuietly(last.path()); // nothing readable; its name is about to be reused
      }
    }
    JournalWriter w =
        new JournalWriter(
            dir, segmentBytes, segmentMaxAge, retention, bufferFrames, clock, marker, first);
    w.thread.start();
    return w;
  }

  /**
   * Appends one frame and returns its journal offset; blocks while the buffer is full.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public long append(JournalRecord record) throws InterruptedException {
    synchronized (appendLock) {
      if (!running) {
        throw new IllegalStateException("journal closed");
      }
      buffer.put(record);
      return nextOffset++;
    }
  }

  /** Returns once every frame appended before this call is written and flushed to the OS. */
  public void flush() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    buffer.put(new Barrier(done));
    done.await();
  }

  /** The offset the next appended frame will get. */
  public long nextOffset() {
    synchronized (appendLock) {
      return nextOffset;
    }
  }

  /** Frames below this offset are written and flushed to the OS. */
  public long durableOffset() {
    return durable.get();
  }

  /** Frames waiting in memory. */
  public int bufferDepth() {
    return buffer.size();
  }

  /** Write failures so far (each retried in a new segment). */
  public long writeErrors() {
    return writeErrors.get();
  }

  /** Segments deleted by retention so far. */
  public long segmentsDeleted() {
    return segmentsDeleted.get();
  }

  /** Writes everything buffered, closes the current segment and stops the writer thread. */
  @Override
  public void close() throws InterruptedException {
    synchronized (appendLock) {
      running = false;
    }
    thread.join();
  }

  private void run() {
    List<Object> batch = new ArrayList<>(BATCH);
    try {
      while (running || !buffer.isEmpty()) {
        Object first = buffer.poll(50, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          buffer.drainTo(batch, BATCH - 1);
          writeBatch(batch);
          batch.clear();
        }
        if (out != null
            && !Duration.between(out.openedAt(), clock.instant())
                .minus(segmentMaxAge)
                .isNegative()) {
          rotate();
        }
      }
      closeSegment();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeSegment();
    }
  }

  private void writeBatch(List<Object> batch) throws InterruptedException {
    int i = 0;
    while (i < batch.size()) {
      try {
        for (; i < batch.size(); i++) {
          Object item = batch.get(i);
          if (item instanceof JournalRecord r) {
            if (out == null) {
              out =
                  SegmentOutput.create(
                      dir.resolve(JournalSegment.fileName(written)), clock.instant());
            }
            JournalCodec.write(out.json(), r);
            written++;
            if (out.compressedBytes() >= segmentBytes) {
              rotate();
            }
          } else if (item instanceof Barrier b) {
            flushSegment();
            b.done().countDown();
          }
        }
        flushSegment();
      } catch (IOException e) {
        writeErrors.incrementAndGet();
        log.error(
            "journal write failed at offset {}; retrying in a new segment: {}",
            written,
            e.toString());
        abandonSegment();
        Thread.sleep(1000);
      }
    }
  }

  private void flushSegment() throws IOException {
    if (out != null) {
      out.flush();
    }
    durable.set(written);
  }

  private void rotate() {
    closeSegment();
    deleteExpired();
  }

  private void closeSegment() {
    if (out == null) {
      return;
    }
    try {
      out.close();
      durable.set(written);
    } catch (IOException e) {
      writeErrors.incrementAndGet();
      log.error("closing journal segment failed: {}", e.toString());
    }
    out = null;
  }

  private void abandonSegment() {
    if (out != null) {
      out.closeQuietly();
      out = null;
    }
  }

  private void deleteExpired() {
    List<JournalSegment> segments = JournalSegment.list(dir);
    Instant cutoff = clock.instant().minus(retention);
    long loaded = marker.get();
    for (int i = 0; i + 1 < segments.size(); i++) {
      JournalSegment s = segments.get(i);
      boolean fullyLoaded = segments.get(i + 1).firstOffset() <= loaded;
      try {
        if (fullyLoaded && Files.getLastModifiedTime(s.path()).toInstant().isBefore(cutoff)) {
          Files.delete(s.path());
          segmentsDeleted.incrementAndGet();
        }
      } catch (IOException e) {
        log.warn("retention could not delete {}: {}", s.path(), e.toString());
      }
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      log.warn("could not delete {}: {}", p, e.toString());
    }
  }
}
