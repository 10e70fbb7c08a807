package io.kdp.gatherer.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One segment file of the journal, named after the journal offset of its first record ({@code
 * frames-0000000000001234.jsonl.gz}), so that a directory listing sorted by name is the journal in
 * order and any offset maps to its segment without reading.
 *
 * @param firstOffset journal offset of the segment's first record
 */
public record JournalSegment(Path path, long firstOffset) {

  private static final Pattern NAME = Pattern.compile("frames-(\\d{16})\\.jsonl\\.gz");

  /** The file name for a segment starting at {@code firstOffset}. */
  static String fileName(long firstOffset) {
    return "frames-%016d.jsonl.gz".formatted(firstOffset);
  }

  /** The journal's segments in {@code dir}, in order; empty when the directory does not exist. */
  public static List<JournalSegment> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<JournalSegment> segments = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          p -> {
            Matcher m = NAME.matcher(p.getFileName().toString());
            if (m.matches()) {
              segments.add(new JournalSegment(p, Long.parseLong(m.group(1))));
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list journal " + dir, e);
    }
    segments.sort(Comparator.comparingLong(JournalSegment::firstOffset));
    return segments;
  }
}
