package io.kdp.platform.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of the Prometheus text exposition format (what every role's {@code /metrics} serves):
 * one {@link Sample} per sample line; comments, blank lines and lines that do not parse are skipped
 * and counted in {@link Scrape#skipped()}.
 *
 * <pre>
 * kdp_gatherer_messages_total{channel="trade",gatherer="a"} 1234.0
 * </pre>
 */
public final class PrometheusText {

  private PrometheusText() {}

  /** One sample: metric name, labels in order of appearance, value. */
  public record Sample(String name, Map<String, String> labels, double value) {
    public String label(String key) {
      return labels.getOrDefault(key, "");
    }
  }

  /** Every sample of one scrape and how many lines were skipped as unreadable. */
  public record Scrape(List<Sample> samples, int skipped) {

    /** The samples named {@code name}. */
    public List<Sample> named(String name) {
      return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The sum of every sample named {@code name} (0 when there is none). */
    public double sum(String name) {
      return named(name).stream().mapToDouble(Sample::value).sum();
    }
  }

  public static Scrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    int skipped = 0;
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      Sample s = parseLine(l);
      if (s == null) {
        skipped++;
      } else {
        samples.add(s);
      }
    }
    return new Scrape(List.copyOf(samples), skipped);
  }

  private static Sample parseLine(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    if (space < 0) {
      return null;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    String name;
    int rest;
    if (brace >= 0 && brace < space) {
      name = line.substring(0, brace);
      int end = parseLabels(line, brace + 1, labels);
      if (end < 0) {
        return null;
      }
      rest = end + 1;
    } else {
      name = line.substring(0, space);
      rest = space;
    }
    String[] tail = line.substring(rest).strip().split("\\s+");
    if (tail.length == 0 || tail[0].isEmpty()) {
      return null;
    }
    try {
      return new Sample(name, Map.copyOf(labels), Double.parseDouble(normalise(tail[0])));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Reads {@code k="v",...} from {@code i}; returns the index of the closing brace, or -1. */
  private static int parseLabels(String line, int i, Map<String, String> labels) {
    while (i < line.length()) {
      if (line.charAt(i) == '}') {
        return i;
      }
      if (line.charAt(i) == ',' || line.charAt(i) == ' ') {
        i++;
        continue;
      }
      int eq = line.indexOf('=', i);
      if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
        return -1;
      }
      String key = line.substring(i, eq);
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      while (j < line.length() && line.charAt(j) != '"') {
        char c = line.charAt(j);
        if (c == '\\' && j + 1 < line.length()) {
          char n = line.charAt(++j);
          value.append(n == 'n' ? '\n' : n);
        } else {
          value.append(c);
        }
        j++;
      }
      if (j >= line.length()) {
        return -1;
      }
      labels.put(key, value.toString());
      i = j + 1;
    }
    return -1;
  }

  private static String normalise(String v) {
    return switch (v) {
      case "+Inf" -> "Infinity";
      case "-Inf" -> "-Infinity";
      default -> v;
    };
  }
}
