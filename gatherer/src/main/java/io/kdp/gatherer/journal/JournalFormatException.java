package io.kdp.gatherer.journal;

/** A journal line that cannot be read as a record. */
public final class JournalFormatException extends RuntimeException {

  public JournalFormatException(String message) {
    super(message);
  }

  public JournalFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
