package io.kdp.gatherer.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;
import io.kdp.gatherer.config.GathererConfig.Connections;
import io.kdp.gatherer.config.GathererConfig.Database;
import io.kdp.gatherer.config.GathererConfig.Environment;
import io.kdp.gatherer.config.GathererConfig.Exchange;
import io.kdp.gatherer.config.GathererConfig.Intervals;
import io.kdp.gatherer.config.GathererConfig.Journal;
import io.kdp.gatherer.config.GathererConfig.Queues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a {@link GathererConfig} from one HOCON file: the file over {@code reference.conf} (every
 * key with its default), with the {@code KDP_...} environment variables of {@code
 * kdp-gatherer-env.conf} over the file. Every value is validated here, once; a bad or unknown key
 * fails with a {@link GathererConfigException} naming it.
 */
public final class GathererConfigReader {

  /** The path of the gatherer's block in the file. */
  public static final String ROOT = "kdp.gatherer";

  private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,32}");
  private static final Pattern ENV_NAME = Pattern.compile("KDP_[A-Z0-9_]+");

  private GathererConfigReader() {}

  /** Reads {@code file} with the process environment as overrides. */
  public static GathererConfig read(Path file) {
    return read(file, System.getenv());
  }

  /** Reads {@code file} with {@code environment} as the override variables. */
  public static GathererConfig read(Path file, Map<String, String> environment) {
    if (!Files.isRegularFile(file)) {
      throw new GathererConfigException("configuration file not found: " + file);
    }
    Config user;
    try {
      user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults());
    } catch (ConfigException e) {
      throw new GathererConfigException("cannot parse " + file + ": " + e.getMessage(), e);
    }
    return from(user, environment);
  }

  /** Builds the configuration from already-parsed HOCON (the file's) and override variables. */
  public static GathererConfig from(Config user, Map<String, String> environment) {
    Config reference = ConfigFactory.parseResources(GathererConfigReader.class, "/reference.conf");
    Config overrides =
        ConfigFactory.parseResources(GathererConfigReader.class, "/kdp-gatherer-env.conf");
    rejectUnknownKeys(user.root(), reference, "");
    Map<String, String> variables = new TreeMap<>();
    environment.forEach(
        (k, v) -> {
          if (ENV_NAME.matcher(k).matches()) {
            variables.put(k, v);
          }
        });
    Config resolved;
    try {
      // the variables sit at the root, where ${?KDP_...} finds them; the real environment is
      // not consulted behind our back (tests pass their own map)
      resolved =
          ConfigFactory.parseMap(variables, "environment")
              .withFallback(overrides)
              .withFallback(user)
              .withFallback(reference)
              .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
    } catch (ConfigException e) {
      throw new GathererConfigException(e.getMessage(), e);
    }
    return build(new Values(resolved.getConfig(ROOT)));
  }

  private static GathererConfig build(Values v) {
    String id = v.string("id");
    if (!ID.matcher(id).matches()) {
      throw v.bad("id", "must match [a-z0-9-]{1,32}, got \"" + id + "\"");
    }
    int port = v.intIn("admin.port", 0, 65535);
    return new GathererConfig(
        id,
        exchange(v),
        database(v, "databases.timeseries"),
        database(v, "databases.metadata"),
        new Journal(
            Path.of(v.nonEmpty("journal.dir")),
            v.bytesAtLeast("journal.segment-size", 1024),
            v.positiveDuration("journal.segment-max-age"),
            v.positiveDuration("journal.retention"),
            v.intIn("journal.buffer-frames", 1, 10_000_000),
            v.intIn("journal.max-backlog-frames", 2, Integer.MAX_VALUE)),
        connections(v),
        new Intervals(
            v.positiveDuration("intervals.status"),
            v.positiveDuration("intervals.events"),
            v.positiveDuration("intervals.reconciliation"),
            v.positiveDuration("intervals.snapshot-poll")),
        new Queues(
            v.intIn("queues.writer-capacity", 1, 10_000_000),
            v.intIn("queues.batch-rows", 1, 1_000_000),
            v.positiveDuration("queues.batch-max-delay")),
        port);
  }

  private static Exchange exchange(Values v) {
    Environment env = v.enumValue("exchange.environment", Environment.class);
    String block =
        switch (env) {
          case PRODUCTION -> "exchange.production.";
          case DEMO -> "exchange.demo.";
          case CUSTOM -> "exchange.";
        };
    var rest = v.uri(block + "rest-url", "http", "https");
    var ws = v.uri(block + "ws-url", "ws", "wss");
    String keyId = v.string("exchange.api-key-id").strip();
    SecretFile key = v.secretFile("exchange.private-key-file");
    if (!keyId.isEmpty() && key == null) {
      throw v.bad("exchange.private-key-file", "required when exchange.api-key-id is set");
    }
    if (keyId.isEmpty() && key != null) {
      throw v.bad("exchange.api-key-id", "required when exchange.private-key-file is set");
    }
    return new Exchange(
        env, rest, ws, keyId, key, v.enumValue("exchange.rate-tier", RateTier.class));
  }

  private static Database database(Values v, String block) {
    String url = v.nonEmpty(block + ".url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw v.bad(block + ".url", "must be a jdbc:postgresql: URL, got \"" + url + "\"");
    }
    return new Database(url, v.nonEmpty(block + ".user"), v.secretFile(block + ".password-file"));
  }

  private static Connections connections(Values v) {
    var min = v.positiveDuration("connections.reconnect-min-backoff");
    var max = v.positiveDuration("connections.reconnect-max-backoff");
    if (max.compareTo(min) < 0) {
      throw v.bad("connections.reconnect-max-backoff", "must not be below reconnect-min-backoff");
    }
    return new Connections(
        v.intIn("connections.markets-per-subscription", 1, 100_000),
        v.intIn("connections.subscriptions-per-connection", 1, 10_000),
        v.intIn("connections.max-connections", 1, 10_000),
        v.positiveDuration("connections.idle-timeout"),
        min,
        max);
  }

  private static void rejectUnknownKeys(ConfigObject user, Config reference, String prefix) {
    for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
      String path = prefix.isEmpty() ? quote(e.getKey()) : prefix + "." + quote(e.getKey());
      boolean inGatherer = path.equals("kdp") || path.equals(ROOT) || path.startsWith(ROOT + ".");
      if (!inGatherer) {
        continue; // other components may share the file
      }
      if (!path.equals("kdp") && !reference.hasPathOrNull(path)) {
        throw new GathererConfigException(
            path + ": unknown key (" + e.getValue().origin().description() + ")");
      }
      if (e.getValue() instanceof ConfigObject child) {
        rejectUnknownKeys(child, reference, path);
      }
    }
  }

  private static String quote(String key) {
    return key.matches("[A-Za-z0-9_-]+") ? key : '"' + key + '"';
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
