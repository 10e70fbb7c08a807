package io.kdp.bench.deduplag;

import java.util.List;

/** p50, p99 and max of a set of µs values, in milliseconds (-1 when empty). */
record Percentiles(double p50, double p99, double max) {

  static Percentiles of(List<Long> micros) {
    if (micros.isEmpty()) {
      return new Percentiles(-1, -1, -1);
    }
    long[] s = micros.stream().mapToLong(Long::longValue).sorted().toArray();
    int n = s.length;
    return new Percentiles(
        s[(int) (n * 0.50)] / 1e3, s[Math.min(n - 1, (int) (n * 0.99))] / 1e3, s[n - 1] / 1e3);
  }

  String json() {
    return String.format(
        java.util.Locale.ROOT, "{\"p50\":%.1f,\"p99\":%.1f,\"max\":%.1f}", p50, p99, max);
  }
}
