package io.kdp.archive.export;

import io.kdp.archive.s3.ObjectStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive as the deduplicator runs it: every period, export each closed hour whose dedup window
 * has passed (hour H once {@code now >= H + 1h + dedupWindow}), oldest first; {@code processed}
 * also waits until the deduplicator has decided past the hour ({@code dedup_checkpoint.decided_to
 * >= H + 1h}), so a deduplicator catching up after an outage is never archived half-merged. Each
 * stream — {@code processed} and one {@code raw/gatherer=g} per gatherer — keeps its own cursor,
 * resumed after its newest manifest in the bucket (or {@code firstHour} on an empty bucket, even
 * after downtime), so a gatherer that is down holds back only its own raw stream. A failed hour is
 * retried on the next tick; none is skipped.
 *
 * <pre>{@code
 * ArchiveSchedule schedule =
 *     new ArchiveSchedule(job, store, Duration.ofMinutes(10), firstHour, InstantSource.system());
 * ScheduledFuture<?> running = schedule.start(executor, Duration.ofMinutes(1));
 * }</pre>
 */
public final class ArchiveSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(ArchiveSchedule.class);
  private static final String PROCESSED = "processed";

  private final ArchiveJob job;
  private final ObjectStore store;
  private final Duration dedupWindow;
  private final Instant firstHour;
  private final InstantSource clock;
  private final Map<String, Instant> cursors = new LinkedHashMap<>();

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

  /** Exports every due hour not yet exported, per stream; returns the progress of this run. */
  public synchronized ExportProgress runDue() throws Exception {
    if (cursors.isEmpty()) {
      cursors.put(PROCESSED, resumePoint("manifests/processed/"));
      for (String g : job.gatherers()) {
        cursors.put(g, resumePoint("manifests/raw/gatherer=" + g + "/"));
      }
    }
    ExportProgress progress = new ExportProgress(clock);
    Instant until = dueUntil();
    Instant decided = job.decidedThrough().map(HourKeys::hourOf).orElse(Instant.MIN);
    for (Map.Entry<String, Instant> cursor : cursors.entrySet()) {
      Instant hour = cursor.getValue();
      Instant end = cursor.getKey().equals(PROCESSED) && decided.isBefore(until) ? decided : until;
      while (hour.isBefore(end)) {
        if (cursor.getKey().equals(PROCESSED)) {
          job.exportProcessedHour(hour, false, progress);
        } else if (!job.exportRawHour(cursor.getKey(), hour, false, progress)) {
          break;
        }
        hour = hour.plus(1, ChronoUnit.HOURS);
        cursor.setValue(hour);
      }
    }
    return progress;
  }

  /** Each stream's next hour to export, for status pages. */
  public synchronized Map<String, Instant> cursors() {
    return Map.copyOf(cursors);
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

  /**
   * The hour after the newest manifest under {@code prefix}, else (an empty bucket) {@code
   * firstHour}. A restart after downtime thus exports the hours the process was down for, even
   * though it passes its own start time as {@code firstHour}.
   */
  private Instant resumePoint(String prefix) {
    return newest(store.list(prefix)).map(h -> h.plus(1, ChronoUnit.HOURS)).orElse(firstHour);
  }

  /** The hour of the last manifest key ({@code .../date=YYYY-MM-DD/hour=HH.json}). */
  static Optional<Instant> newest(List<String> manifestKeys) {
    if (manifestKeys.isEmpty()) {
      return Optional.empty();
    }
    String last = manifestKeys.get(manifestKeys.size() - 1);
    int d = last.lastIndexOf("date=") + 5;
    int h = last.lastIndexOf("hour=") + 5;
    return Optional.of(
        Instant.parse(last.substring(d, d + 10) + "T" + last.substring(h, h + 2) + ":00:00Z"));
  }
}
