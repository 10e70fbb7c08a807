package io.kdp.archive.export;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/** Counts what an export run did, for the progress line and the benchmark. */
public final class ExportProgress {

  private final InstantSource clock;
  private final long startMillis;
  private final LongAdder rows = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder files = new LongAdder();
  private final LongAdder units = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  private volatile LongConsumer rowListener = n -> {};

  public ExportProgress(InstantSource clock) {
    this.clock = clock;
    this.startMillis = clock.millis();
  }

  /**
   * Calls {@code listener} with the running row total as rows are written (on the export thread).
   */
  public ExportProgress onRows(LongConsumer listener) {
    this.rowListener = listener;
    return this;
  }

  void rows(long n) {
    rows.add(n);
    rowListener.accept(rows.sum());
  }

  void file(ExportedFile file) {
    files.increment();
    bytes.add(file.bytes());
  }

  void unitDone() {
    units.increment();
  }

  void unitSkipped() {
    skipped.increment();
  }

  public long rows() {
    return rows.sum();
  }

  public long bytes() {
    return bytes.sum();
  }

  public long files() {
    return files.sum();
  }

  /** Export units (one processed hour, or one gatherer's raw hour) written in this run. */
  public long unitsDone() {
    return units.sum();
  }

  /** Export units skipped because their manifest showed them done already. */
  public long unitsSkipped() {
    return skipped.sum();
  }

  public Duration elapsed() {
    return Duration.ofMillis(clock.millis() - startMillis);
  }

  /** E.g. {@code 12 units (3 skipped), 1,204,332 rows, 9.1 MB, 402,110 rows/s}. */
  public String line() {
    double seconds = Math.max(1, elapsed().toMillis()) / 1000.0;
    return String.format(
        "%d units (%d skipped), %,d rows, %,d files, %.1f MB, %,.0f rows/s",
        unitsDone(), unitsSkipped(), rows(), files(), bytes() / 1e6, rows() / seconds);
  }
}
