package io.kdp.bench.decode;

import io.kdp.client.ws.codec.WsFrameDecoder;
import io.kdp.client.ws.message.RawFrame;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
 * and bytes allocated per frame for {@code orderbook_delta}, {@code trade} and {@code ticker}.
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
    System.out.println(json(results));
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

  static String json(Collection<RunResult> results) {
    List<String> rows = new ArrayList<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      Result<?> primary = r.getPrimaryResult();
      Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
      rows.add(
          String.format(
              Locale.ROOT,
              "    {\"frame\": \"%s\", \"frames_per_second_per_core\": %.0f, \"error\": %.0f,"
                  + " \"bytes_allocated_per_frame\": %.1f, \"meets_500k\": %b}",
              method,
              primary.getScore(),
              primary.getScoreError(),
              alloc == null ? Double.NaN : alloc.getScore(),
              primary.getScore() >= TARGET_PER_SECOND));
    }
    return "{\n  \"benchmark\": \"ws-frame-decode\",\n  \"threads\": 1,\n  \"results\": [\n"
        + String.join(",\n", rows)
        + "\n  ]\n}";
  }
}
