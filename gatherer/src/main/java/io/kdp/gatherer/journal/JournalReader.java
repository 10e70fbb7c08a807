package io.kdp.gatherer.journal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the records of one journal segment (or any {@code .jsonl} / {@code .jsonl.gz} capture) in
 * order. A segment cut short by a crash (or still being written) is read up to its last complete
 * line: lines are split here rather than by a {@code Reader}, so bytes already decompressed are not
 * lost when the compressed stream ends early. A truncated tail and lines that do not parse are
 * counted in {@link #corrupt()}, never thrown.
 */
public final class JournalReader implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(JournalReader.class);

  private final Path file;
  private final InputStream in;
  private byte[] buf = new byte[1 << 16];
  private int start;
  private int end;
  private boolean eof;
  private long records;
  private int corrupt;

  private JournalReader(Path file, InputStream in) {
    this.file = file;
    this.in = in;
  }

  /** Opens {@code file}; gzip when the name ends in {@code .gz}. */
  public static JournalReader open(Path file) {
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal file " + file, e);
    }
    if (!file.getFileName().toString().endsWith(".gz")) {
      return new JournalReader(file, raw);
    }
    try {
      return new JournalReader(file, new GZIPInputStream(raw, 1 << 16));
    } catch (IOException e) {
      // shorter than a gzip header: a segment created just before a crash holds nothing
      try {
        raw.close();
      } catch (IOException ignored) {
        // nothing to release beyond the handle
      }
      return new JournalReader(file, InputStream.nullInputStream());
    }
  }

  /** The next record, or null at the end of the file (or of its last good record). */
  public JournalRecord next() {
    String line;
    while ((line = nextLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JournalRecord r = JournalCodec.parse(line);
        records++;
        return r;
      } catch (JournalFormatException e) {
        corrupt++;
        log.warn("{}: skipped a bad line after record {}: {}", file, records, e.getMessage());
      }
    }
    return null;
  }

  private String nextLine() {
    while (true) {
      for (int i = start; i < end; i++) {
        if (buf[i] == '\n') {
          String line = new String(buf, start, i - start, StandardCharsets.UTF_8);
          start = i + 1;
          return line;
        }
      }
      if (eof) {
        if (start < end) {
          // a last line without its line break: written by a capture tool, or torn by a crash
          String line = new String(buf, start, end - start, StandardCharsets.UTF_8);
          start = end;
          return line;
        }
        return null;
      }
      fill();
    }
  }

  private void fill() {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    try {
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        eof = true;
      } else {
        end += n;
      }
    } catch (IOException e) {
      // truncated or damaged compressed stream: keep the complete lines, drop the partial one
      eof = true;
      corrupt++;
      int lastBreak = end - 1;
      while (lastBreak >= start && buf[lastBreak] != '\n') {
        lastBreak--;
      }
      end = lastBreak + 1;
      log.warn("{}: unreadable after byte {} of its data ({})", file, end, e.toString());
    }
  }

  /** Good records returned so far. */
  public long records() {
    return records;
  }

  /** Bad lines skipped plus 1 if the file ended in an unreadable (truncated) tail. */
  public int corrupt() {
    return corrupt;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      log.debug("closing {}", file, e);
    }
  }
}
