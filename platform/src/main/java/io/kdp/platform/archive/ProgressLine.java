package io.kdp.platform.archive;

import io.kdp.archive.export.ExportProgress;
import java.io.PrintStream;
import java.time.Instant;

/**
 * The progress of {@code kdp archive} on stderr: at most one line a second, and one per hour.
 * Called from the export threads of a unit (synchronized).
 */
final class ProgressLine {

  private final PrintStream out;
  private final ExportProgress progress;
  private final long hours;
  private long hoursDone;
  private long lastPrint;

  ProgressLine(PrintStream out, ExportProgress progress, long hours) {
    this.out = out;
    this.progress = progress;
    this.hours = hours;
  }

  synchronized void maybePrint() {
    long now = System.nanoTime();
    if (now - lastPrint > 1_000_000_000L) {
      lastPrint = now;
      out.print("\r" + hoursDone + "/" + hours + " hours, " + progress.line());
      out.flush();
    }
  }

  synchronized void hourDone(Instant hour) {
    hoursDone++;
    out.println("\r" + hour + " done (" + hoursDone + "/" + hours + "): " + progress.line());
  }

  synchronized void finish() {
    out.println("archive: " + progress.line());
  }
}
