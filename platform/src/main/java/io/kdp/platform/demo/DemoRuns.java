package io.kdp.platform.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Counts the runs of one data directory ({@code <data-dir>/runs}). Each run gets a fresh simulated
 * exchange whose seed includes the run number, so a resumed run never re-issues the trade ids of an
 * earlier one into the same production database.
 */
final class DemoRuns {

  private DemoRuns() {}

  /** Records one more run and returns its number (1 for a new data directory). */
  static int next(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve("runs");
    int run = 1;
    if (Files.exists(file)) {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      try {
        run = Integer.parseInt(text) + 1;
      } catch (NumberFormatException e) {
        throw new IOException(file + " should hold a run count, holds \"" + text + "\"", e);
      }
    }
    Path tmp = dataDir.resolve("runs.tmp");
    Files.writeString(tmp, run + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return run;
  }

  /** The world seed of run {@code run} for base seed {@code seed}. */
  static long seed(long seed, int run) {
    return seed * 1_000_003L + run;
  }
}
