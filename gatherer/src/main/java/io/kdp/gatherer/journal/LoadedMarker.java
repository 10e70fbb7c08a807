package io.kdp.gatherer.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * "Loaded up to": the journal offset below which every record is known to be committed to the
 * gatherer's database, kept in one small file ({@code loaded-up-to}) beside the segments and
 * replaced atomically. Segments wholly below it may be deleted by retention; records from it on are
 * loaded again (through the router) after the database was down or the gatherer crashed. It only
 * moves forward.
 */
public final class LoadedMarker {

  static final String FILE = "loaded-up-to";

  private final Path file;
  private long offset;

  private LoadedMarker(Path file, long offset) {
    this.file = file;
    this.offset = offset;
  }

  /** Reads the marker of the journal in {@code dir} (0 when there is none yet). */
  public static LoadedMarker open(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      Files.createDirectories(dir);
      long offset = Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : 0;
      return new LoadedMarker(file, offset);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(file + " does not hold an offset", e);
    }
  }

  /** The offset below which every record is loaded. */
  public synchronized long get() {
    return offset;
  }

  /** Moves the marker to {@code upTo} (ignored when that is not ahead) and persists it. */
  public synchronized void advance(long upTo) {
    if (upTo <= offset) {
      return;
    }
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try {
      Files.writeString(tmp, Long.toString(upTo), StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    offset = upTo;
  }
}
