package io.kdp.archive.export;

import io.kdp.archive.s3.ObjectStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive as the deduplicator runs it: every period, export each closed hour whose dedup window
 * has passed (hour H once {@code now >= H + 1h + dedupWindow}), from the hour after the newest
 * processed manifest in the bucket (or {@code firstHour} on an empty bucket), oldest first. A
 * failed hour is retried on the next tick; nothing is skipped.
 *
 * <pre>{@code
 * ArchiveSchedule schedule = new ArchiveSchedule(job, store, Duration.ofMinutes(10), firstHour, clock);
 * schedule.start(executor, Duration.ofMinutes(1));
 * }</pre>
 */
public final class ArchiveSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(ArchiveSchedule.class);

  private final ArchiveJob job;
  private final ObjectStore store;
  private final Duration dedupWindow;
  private final Instant firstHour;
  private final InstantSource clock;
  private Instant next;

  public ArchiveSchedule(
      ArchiveJob job,
      ObjectStore store,
      Duration dedupWindow,
      Instant firstHour,
      InstantSource clock) {
    this.job = job;
    this.store = store;
    this.dedupWindow = dedupWindow;
    this.firstHour = HourKeys.hourOf(firstHour);
    this.clock = clock;
  }

  /**
   * Runs {@link #runDue} every {@code period} on {@code executor} until the future is cancelled.
   */
  public ScheduledFuture<?> start(ScheduledExecutorService executor, Duration period) {
    return executor.scheduleWithFixedDelay(
        this::runDueLogged, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The first hour not yet due: the end (exclusive) of what {@link #runDue} exports now. */
  public Instant dueUntil() {
    return HourKeys.hourOf(clock.instant().minus(dedupWindow));
  }

  /** Exports every due hour not yet exported; returns the progress of this run. */
  public synchronized ExportProgress runDue() throws Exception {
    if (next == null) {
      next = resumePoint().orElse(firstHour);
    }
    ExportProgress progress = new ExportProgress(clock);
    Instant until = dueUntil();
    while (next.isBefore(until)) {
      if (!job.exportHour(next, false, progress)) {
        break;
      }
      next = next.plus(1, ChronoUnit.HOURS);
    }
    return progress;
  }

  private void runDueLogged() {
    try {
      ExportProgress progress = runDue();
      if (progress.unitsDone() > 0) {
        LOG.info("archive: {}", progress.line());
      }
    } catch (Exception e) {
      LOG.error("archive run failed; retrying on the next tick", e);
    }
  }

  /** The hour after the newest processed manifest in the bucket. */
  private Optional<Instant> resumePoint() {
    List<String> keys = store.list("manifests/processed/");
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    String last = keys.get(keys.size() - 1);
    // manifests/processed/date=YYYY-MM-DD/hour=HH.json
    String date = last.substring(last.indexOf("date=") + 5, last.indexOf("date=") + 15);
    String hour = last.substring(last.indexOf("hour=") + 5, last.indexOf("hour=") + 7);
    return Optional.of(Instant.parse(date + "T" + hour + ":00:00Z").plus(1, ChronoUnit.HOURS));
  }
}
