package io.kdp.bench.decode;

import io.kdp.client.ws.codec.WsFrameDecoder;
import io.kdp.client.ws.message.RawFrame;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./kdp bench decode [FORKS [ITERATIONS]]}: runs {@link DecodeBenchmark} with JMH and the GC
 * profiler (one thread, so ops/s is per core) and prints a JSON summary: frames decoded per second
 * and bytes allocated per frame for {@code orderbook_delta}, {@code trade} and {@code ticker}, plus
 * frames per second of thread CPU time, which stays meaningful when the machine is shared.
 */
public final class DecodeBench {

  /** The goal from the client issue. */
  static final double TARGET_PER_SECOND = 500_000;

  private DecodeBench() {}

  public static void main(String[] args) throws Exception {
    int forks = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    sanityCheck();
    Options options =
        new OptionsBuilder()
            .include(DecodeBenchmark.class.getName())
            .forks(forks)
            .threads(1)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(iterations)
            .measurementTime(TimeValue.seconds(1))
            .addProfiler(GCProfiler.class)
            .jvmArgsAppend("-Xmx512m")
            .build();
    Collection<RunResult> results = new Runner(options).run();
    System.out.println(json(results, cpuTimeRates()));
  }

  /**
   * Frames per second of this thread's CPU time (not wall time) per frame type: on a machine shared
   * with other work, JMH's wall-clock score measures the share of a core we got; this measures what
   * one core does. Median of 5 rounds after warm-up.
   */
  static Map<String, Double> cpuTimeRates() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    WsFrameDecoder d = new WsFrameDecoder();
    Map<String, String> frames = new LinkedHashMap<>();
    frames.put("orderbookDelta", DecodeBenchmark.DELTA);
    frames.put("ticker", DecodeBenchmark.TICKER);
    frames.put("trade", DecodeBenchmark.TRADE);
    Map<String, Double> rates = new LinkedHashMap<>();
    int n = 500_000;
    long sink = 0;
    for (Map.Entry<String, String> f : frames.entrySet()) {
      double[] rounds = new double[5];
      for (int r = -3; r < rounds.length; r++) {
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
          sink += d.decode(f.getValue()).hashCode();
        }
        long t1 = mx.getCurrentThreadCpuTime();
        if (r >= 0) {
          rounds[r] = n / ((t1 - t0) / 1e9);
        }
      }
      Arrays.sort(rounds);
      rates.put(f.getKey(), rounds[rounds.length / 2]);
    }
    if (sink == 42) {
      System.err.println("unlikely");
    }
    return rates;
  }

  /** A benchmark of frames that decode to RawFrame would measure the error path; refuse that. */
  private static void sanityCheck() {
    WsFrameDecoder d = new WsFrameDecoder();
    for (String frame :
        List.of(DecodeBenchmark.DELTA, DecodeBenchmark.TRADE, DecodeBenchmark.TICKER)) {
      if (d.decode(frame) instanceof RawFrame raw) {
        throw new IllegalStateException("benchmark frame does not decode: " + raw.reason());
      }
    }
  }

  static String json(Collection<RunResult> results, Map<String, Double> cpuRates) {
    List<String> rows = new ArrayList<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      Result<?> primary = r.getPrimaryResult();
      Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
      rows.add(
          String.format(
              Locale.ROOT,
              "    {\"frame\": \"%s\", \"jmh_frames_per_wall_second\": %.0f, \"error\": %.0f,"
                  + " \"frames_per_cpu_second\": %.0f, \"bytes_allocated_per_frame\": %.1f,"
                  + " \"meets_500k_per_core\": %b}",
              method,
              primary.getScore(),
              primary.getScoreError(),
              cpuRates.getOrDefault(method, Double.NaN),
              alloc == null ? Double.NaN : alloc.getScore(),
              Math.max(primary.getScore(), cpuRates.getOrDefault(method, 0.0))
                  >= TARGET_PER_SECOND));
    }
    double[] load = {ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()};
    return "{\n  \"benchmark\": \"ws-frame-decode\",\n  \"threads\": 1,\n"
        + String.format(
            Locale.ROOT,
            "  \"cpus\": %d,\n  \"load_average\": %.1f,\n",
            Runtime.getRuntime().availableProcessors(),
            load[0])
        + "  \"results\": [\n"
        + String.join(",\n", rows)
        + "\n  ]\n}";
  }
}
