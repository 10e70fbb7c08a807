package io.kdp.platform.archive;

import io.kdp.archive.export.ExportProgress;
import java.io.PrintStream;
import java.time.Instant;

/** The progress of {@code kdp archive} on stderr: at most one line a second, and one per hour. */
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

  void maybePrint() {
    long now = System.nanoTime();
    if (now - lastPrint > 1_000_000_000L) {
      lastPrint = now;
      out.print("\r" + hoursDone + "/" + hours + " hours, " + progress.line());
      out.flush();
    }
  }

  void hourDone(Instant hour) {
    hoursDone++;
    out.println("\r" + hour + " done (" + hoursDone + "/" + hours + "): " + progress.line());
  }

  void finish() {
    out.println("archive: " + progress.line());
  }
}
