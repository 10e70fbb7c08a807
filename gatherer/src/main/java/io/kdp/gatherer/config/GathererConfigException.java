package io.kdp.gatherer.config;

/** A gatherer configuration that cannot be used; the message names the offending key. */
public final class GathererConfigException extends RuntimeException {

  public GathererConfigException(String message) {
    super(message);
  }

  public GathererConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
