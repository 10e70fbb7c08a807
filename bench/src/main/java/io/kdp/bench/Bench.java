package io.kdp.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./kdp bench NAME [ARGS]}: runs one benchmark and prints its results as JSON on stdout.
 * Each benchmark registers itself in {@link #BENCHMARKS} with one line.
 */
public final class Bench {

  /** A benchmark runnable from the command line. */
  @FunctionalInterface
  public interface Benchmark {
    void run(String[] args) throws Exception;
  }

  private static final Map<String, Benchmark> BENCHMARKS = new TreeMap<>();

  static {
    // one line per benchmark: BENCHMARKS.put("name", SomeBench::main);
    BENCHMARKS.put("store", StoreBench::main);
  }

  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !BENCHMARKS.containsKey(args[0])) {
      System.err.println("usage: kdp bench NAME [ARGS]; NAME is one of " + BENCHMARKS.keySet());
      System.exit(2);
    }
    BENCHMARKS.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
  }
}
