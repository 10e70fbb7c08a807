package io.kdp.dedup.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a {@link DedupConfig}: the HOCON file over {@code kdp-dedup-reference.conf}, with {@code
 * KDP_DEDUP_*} environment variables over the file. Every value is checked once, here; a bad or
 * unknown key fails with a {@link DedupConfigException} naming it.
 */
public final class DedupConfigReader {

  public static final String ROOT = "kdp.dedup";

  private DedupConfigReader() {}

  public static DedupConfig read(Path file, Map<String, String> environment) {
    if (!Files.isRegularFile(file)) {
      throw new DedupConfigException("configuration file not found: " + file);
    }
    Config user;
    try {
      user = ConfigFactory.parseFile(file.toFile());
    } catch (ConfigException e) {
      throw new DedupConfigException("cannot parse " + file + ": " + e.getMessage(), e);
    }
    return from(user, environment);
  }

  public static DedupConfig from(Config user, Map<String, String> environment) {
    Config reference =
        ConfigFactory.parseResources(DedupConfigReader.class, "/kdp-dedup-reference.conf");
    Set<String> known = new HashSet<>();
    for (Map.Entry<String, ConfigValue> e : reference.getConfig(ROOT).entrySet()) {
      known.add(e.getKey());
    }
    Config file = user.hasPath(ROOT) ? user.getConfig(ROOT) : ConfigFactory.empty();
    for (Map.Entry<String, ConfigValue> e : file.entrySet()) {
      if (!known.contains(e.getKey()) && !e.getKey().startsWith("gatherers")) {
        throw new DedupConfigException(ROOT + "." + e.getKey() + ": unknown key");
      }
    }
    Config c = file;
    for (String key : known) {
      String env = "KDP_DEDUP_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
      if (environment.containsKey(env)) {
        c = c.withValue(key, ConfigValueFactory.fromAnyRef(environment.get(env), "env " + env));
      }
    }
    Config all = c.withFallback(reference.getConfig(ROOT)).resolve();
    return build(all);
  }

  private static DedupConfig build(Config c) {
    DedupConfig.Database production = database(c.getConfig("production"), "production", null);
    if (production.url() == null) {
      throw bad("production.url", "is required");
    }
    List<DedupConfig.Gatherer> gatherers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<? extends Config> list = get("gatherers", () -> c.getConfigList("gatherers"));
    for (int i = 0; i < list.size(); i++) {
      Config g = list.get(i);
      String key = "gatherers[" + i + "]";
      String name = get(key + ".name", () -> g.getString("name"));
      if (!name.matches("[a-z0-9-]{1,32}") || !names.add(name)) {
        throw bad(key + ".name", "must be a unique id of a-z, 0-9, '-', got \"" + name + "\"");
      }
      for (String k : g.root().keySet()) {
        if (!List.of("name", "timeseries-url", "metadata-url", "user", "password").contains(k)) {
          throw bad(key + "." + k, "unknown key");
        }
      }
      String ts = get(key + ".timeseries-url", () -> g.getString("timeseries-url"));
      String md = g.hasPath("metadata-url") ? g.getString("metadata-url") : ts;
      String user = g.hasPath("user") ? blank(g.getString("user")) : null;
      String password = g.hasPath("password") ? blank(g.getString("password")) : null;
      gatherers.add(
          new DedupConfig.Gatherer(
              name,
              new DedupConfig.Database(ts, user, password, 2),
              new DedupConfig.Database(md, user, password, 2)));
    }
    if (gatherers.isEmpty()) {
      throw bad("gatherers", "needs at least one gatherer");
    }
    DedupConfig config =
        new DedupConfig(
            production,
            gatherers,
            positive(c, "window"),
            nonNegative(c, "grace"),
            positive(c, "max-delay"),
            intAtLeast(c, "batch-size", 1),
            intAtLeast(c, "max-windows-per-cycle", 1),
            positive(c, "poll-interval"),
            positive(c, "backoff.initial"),
            positive(c, "backoff.max"),
            positive(c, "compress-after"));
    Duration open = config.window().plus(config.grace()).plus(config.maxDelay());
    if (config.compressAfter().compareTo(open.plus(Duration.ofDays(1))) < 0) {
      throw bad(
          "compress-after",
          "must exceed window + grace + max-delay by at least a day (a day-long chunk), got "
              + config.compressAfter());
    }
    return config;
  }

  private static DedupConfig.Database database(Config c, String key, String fallbackUrl) {
    String url = blank(get(key + ".url", () -> c.getString("url")));
    return new DedupConfig.Database(
        url == null ? fallbackUrl : url,
        blank(get(key + ".user", () -> c.getString("user"))),
        blank(get(key + ".password", () -> c.getString("password"))),
        intAtLeast(c, "pool-size", 1, key + ".pool-size"));
  }

  private static Duration positive(Config c, String key) {
    Duration d = get(key, () -> c.getDuration(key));
    if (d.isNegative() || d.isZero()) {
      throw bad(key, "must be a positive duration, got " + d);
    }
    return d;
  }

  private static Duration nonNegative(Config c, String key) {
    Duration d = get(key, () -> c.getDuration(key));
    if (d.isNegative()) {
      throw bad(key, "must not be negative, got " + d);
    }
    return d;
  }

  private static int intAtLeast(Config c, String key, int min) {
    return intAtLeast(c, key, min, key);
  }

  private static int intAtLeast(Config c, String key, int min, String name) {
    int n = get(name, () -> c.getInt(key));
    if (n < min) {
      throw bad(name, "must be at least " + min + ", got " + n);
    }
    return n;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static <T> T get(String key, Supplier<T> read) {
    try {
      return read.get();
    } catch (ConfigException e) {
      throw bad(key, e.getMessage());
    }
  }

  private static DedupConfigException bad(String key, String why) {
    return new DedupConfigException(ROOT + "." + key + ": " + why);
  }
}
