package io.kdp.sim.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fault SPEC grammar, shared by {@code --faults} and {@code POST /sim/admin/faults}:
 *
 * <pre>
 * SPEC  := ITEM ("," ITEM)*
 * ITEM  := NAME ["=" VALUE] ["@" EVERY]      EVERY repeats the item, e.g. "@30s"
 * NAME  := disconnect | slow-consumer | skip-seq | duplicate | delay | stop-pings
 *        | http-429 | http-5xx | retry-after | rate-limit | maintenance | revoke-key | clear
 * </pre>
 *
 * Durations are {@code 500ms}, {@code 10s}, {@code 2m}. See the module README for each item.
 */
public record FaultSpec(List<Item> items) {

  /** One fault: its name, its value (null when none) and its repeat period (null: once). */
  public record Item(String name, String value, Duration every) {}

  static final Set<String> NAMES =
      Set.of(
          "disconnect",
          "slow-consumer",
          "skip-seq",
          "duplicate",
          "delay",
          "stop-pings",
          "http-429",
          "http-5xx",
          "retry-after",
          "rate-limit",
          "maintenance",
          "revoke-key",
          "clear");

  /**
   * Parses a SPEC.
   *
   * @throws IllegalArgumentException naming the item that does not parse
   */
  public static FaultSpec parse(String spec) {
    List<Item> items = new ArrayList<>();
    if (spec == null || spec.isBlank()) {
      return new FaultSpec(items);
    }
    for (String raw : spec.split("[,;\\n]")) {
      String item = raw.strip();
      if (item.isEmpty()) {
        continue;
      }
      Duration every = null;
      int at = item.indexOf('@');
      if (at >= 0) {
        every = duration(item.substring(at + 1), item);
        item = item.substring(0, at);
      }
      int eq = item.indexOf('=');
      String name = (eq < 0 ? item : item.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
      String value = eq < 0 ? null : item.substring(eq + 1).strip();
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException(
            "unknown fault \"" + name + "\" in \"" + raw.strip() + "\"; known: " + NAMES);
      }
      items.add(new Item(name, value, every));
    }
    return new FaultSpec(List.copyOf(items));
  }

  /** Parses {@code 500ms}, {@code 10s}, {@code 2m} or {@code 1h}. */
  static Duration duration(String text, String context) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> throw new NumberFormatException();
      };
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "bad duration \"" + text + "\" in \"" + context + "\" (use 500ms, 10s, 2m)");
    }
  }
}
