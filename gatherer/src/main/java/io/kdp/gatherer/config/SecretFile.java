package io.kdp.gatherer.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file that holds a secret (a password, a private key). Only the path is kept; the contents are
 * read when needed and never appear in {@link #toString()}, logs or exception messages.
 */
public record SecretFile(Path path) {

  /** The whole file as UTF-8 text. Never log the result. */
  public String read() {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // the message names the file, never its contents
      throw new UncheckedIOException("cannot read secret file " + path, e);
    }
  }

  /** The first line, without its line break (a password file). Never log the result. */
  public String firstLine() {
    String text = read();
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  @Override
  public String toString() {
    return "SecretFile[" + path + "]";
  }
}
