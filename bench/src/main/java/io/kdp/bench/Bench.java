package io.kdp.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code ./kdp bench NAME [ARGS]}: runs one benchmark and prints its results as JSON on stdout.
 *
 * <p>A benchmark is found by name, with no registry to edit: {@code kdp bench store} runs the
 * {@code main(String[])} of {@code io.kdp.bench.StoreBench} or {@code
 * io.kdp.bench.store.StoreBench}; a hyphenated name is camel-cased ({@code kdp bench dedup-lag}:
 * {@code io.kdp.bench.deduplag.DedupLagBench}).
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage("no benchmark named");
    }
    Method main = find(args[0]);
    if (main == null) {
      usage("no benchmark named \"" + args[0] + "\"");
    }
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  static Method find(String name) {
    if (!name.matches("[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*")) {
      return null;
    }
    StringBuilder camel = new StringBuilder();
    for (String part : name.split("-")) {
      camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    String type = camel + "Bench";
    String pkg = name.replace("-", "").toLowerCase(Locale.ROOT);
    for (String candidate :
        new String[] {"io.kdp.bench." + type, "io.kdp.bench." + pkg + "." + type}) {
      try {
        return Class.forName(candidate).getMethod("main", String[].class);
      } catch (ClassNotFoundException | NoSuchMethodException e) {
        // not this one: try the next place
      }
    }
    return null;
  }

  private static void usage(String problem) {
    System.err.println(
        "kdp bench: "
            + problem
            + "; usage: kdp bench NAME [ARGS], NAME in {decode, rest, sim, store, gatherer, dedup,"
            + " dedup-lag, archive} (those that are built)");
    System.exit(2);
  }
}
