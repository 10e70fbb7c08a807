package io.kdp.dedup.config;

/** A bad configuration value; the message names the key. */
public final class DedupConfigException extends RuntimeException {

  public DedupConfigException(String message) {
    super(message);
  }

  public DedupConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
