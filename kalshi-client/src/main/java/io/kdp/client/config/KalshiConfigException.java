package io.kdp.client.config;

/** A configuration value is missing or wrong; the message names the key and what is accepted. */
public final class KalshiConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String key;

  public KalshiConfigException(String key, String problem) {
    super(key + ": " + problem);
    this.key = key;
  }

  /** The full configuration key at fault, e.g. {@code kalshi.private-key-file}. */
  public String key() {
    return key;
  }
}
