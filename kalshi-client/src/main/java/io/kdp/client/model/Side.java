package io.kdp.client.model;

/** The two sides of a binary market. */
public enum Side {
  YES,
  NO;

  /** Kalshi's wire name: {@code "yes"} or {@code "no"}. */
  public String wire() {
    return this == YES ? "yes" : "no";
  }

  /** Parses {@code "yes"}/{@code "no"}. */
  public static Side fromWire(String s) {
    return switch (s) {
      case "yes" -> YES;
      case "no" -> NO;
      default -> throw new IllegalArgumentException("not a side: \"" + s + "\"");
    };
  }
}
