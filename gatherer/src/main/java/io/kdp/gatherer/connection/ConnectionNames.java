package io.kdp.gatherer.connection;

/**
 * Names of the gatherer's WebSocket connections, as stored in rows and the journal: the {@code
 * trade}, {@code ticker} and {@code lifecycle} channels each have their own connection; orderbook
 * connections are {@code ob-0}, {@code ob-1}, ...
 */
public final class ConnectionNames {

  public static final String TRADE = "trade";
  public static final String TICKER = "ticker";
  public static final String LIFECYCLE = "lifecycle";

  private ConnectionNames() {}

  /** The name of orderbook connection {@code n}. */
  public static String orderbook(int n) {
    return "ob-" + n;
  }

  /** Whether {@code name} is an orderbook connection's. */
  public static boolean isOrderbook(String name) {
    return name.startsWith("ob-");
  }
}
