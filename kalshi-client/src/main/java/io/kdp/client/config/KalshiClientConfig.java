package io.kdp.client.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Kalshi clients need to connect: the environment, an optional API key and the key's
 * rate-limit tier. Build it with {@link #fromMap} from flat configuration keys; bad values fail
 * here, at startup, with the key named.
 *
 * <table>
 *   <caption>Keys (after the prefix, e.g. {@code kalshi.})</caption>
 *   <tr><th>key</th><th>values</th><th>default</th></tr>
 *   <tr><td>{@code environment}</td><td>{@code production}, {@code demo}, {@code custom}</td>
 *       <td>required</td></tr>
 *   <tr><td>{@code host}</td><td>{@code http(s)://host:port} (custom only; the simulator)</td>
 *       <td>required for custom</td></tr>
 *   <tr><td>{@code api-key-id}</td><td>the key id</td><td>none: unauthenticated</td></tr>
 *   <tr><td>{@code private-key-file}</td><td>PEM path (with {@code api-key-id})</td>
 *       <td>none</td></tr>
 *   <tr><td>{@code rate-limit-tier}</td><td>{@code basic}, {@code advanced}, {@code premier},
 *       {@code prime}, {@code custom}</td><td>{@code basic}</td></tr>
 *   <tr><td>{@code read-per-second}, {@code write-per-second}</td><td>positive integers (custom
 *       tier only)</td><td>required for custom</td></tr>
 * </table>
 *
 * @param environment where to connect
 * @param credentials the API key, empty for public endpoints only
 * @param rateLimit the key's tier
 */
public record KalshiClientConfig(
    KalshiEnvironment environment, Optional<ApiCredentials> credentials, RateLimitTier rateLimit) {

  public KalshiClientConfig {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(rateLimit, "rateLimit");
  }

  /** Unauthenticated access at the basic tier. */
  public static KalshiClientConfig anonymous(KalshiEnvironment environment) {
    return new KalshiClientConfig(environment, Optional.empty(), RateLimitTier.BASIC);
  }

  /** Reads the keys documented above under {@code prefix} (e.g. {@code "kalshi."}). */
  public static KalshiClientConfig fromMap(Map<String, String> values, String prefix) {
    Reader r = new Reader(values, prefix);
    return new KalshiClientConfig(environment(r), credentials(r), tier(r));
  }

  private static KalshiEnvironment environment(Reader r) {
    String env = r.required("environment").toLowerCase(Locale.ROOT);
    return switch (env) {
      case "production" -> KalshiEnvironment.PRODUCTION;
      case "demo" -> KalshiEnvironment.DEMO;
      case "custom" -> {
        String host = r.required("host");
        try {
          yield KalshiEnvironment.custom(URI.create(host));
        } catch (IllegalArgumentException e) {
          throw r.bad("host", "not an http(s)://host:port URL: \"" + host + "\"");
        }
      }
      default ->
          throw r.bad("environment", "\"" + env + "\" is not one of production, demo, custom");
    };
  }

  private static Optional<ApiCredentials> credentials(Reader r) {
    Optional<String> keyId = r.optional("api-key-id");
    Optional<String> file = r.optional("private-key-file");
    if (keyId.isEmpty() && file.isEmpty()) {
      return Optional.empty();
    }
    if (keyId.isEmpty()) {
      throw r.bad("api-key-id", "missing, but private-key-file is set");
    }
    if (file.isEmpty()) {
      throw r.bad("private-key-file", "missing, but api-key-id is set");
    }
    Path path;
    try {
      path = Path.of(file.get());
    } catch (InvalidPathException e) {
      throw r.bad("private-key-file", "not a path: \"" + file.get() + "\"");
    }
    if (!Files.isRegularFile(path)) {
      throw r.bad("private-key-file", "no such file: " + path.toAbsolutePath());
    }
    if (!Files.isReadable(path)) {
      throw r.bad("private-key-file", "not readable: " + path.toAbsolutePath());
    }
    return Optional.of(new ApiCredentials(keyId.get(), path));
  }

  private static RateLimitTier tier(Reader r) {
    String tier = r.optional("rate-limit-tier").orElse("basic").toLowerCase(Locale.ROOT);
    if (tier.equals("custom")) {
      return RateLimitTier.custom(
          r.positiveInt("read-per-second"), r.positiveInt("write-per-second"));
    }
    try {
      return RateLimitTier.named(tier);
    } catch (IllegalArgumentException e) {
      throw r.bad("rate-limit-tier", e.getMessage() + " or custom");
    }
  }

  private record Reader(Map<String, String> values, String prefix) {

    Optional<String> optional(String key) {
      String v = values.get(prefix + key);
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    String required(String key) {
      return optional(key).orElseThrow(() -> bad(key, "missing"));
    }

    int positiveInt(String key) {
      String v = required(key);
      try {
        int n = Integer.parseInt(v);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
      throw bad(key, "\"" + v + "\" is not a positive integer");
    }

    KalshiConfigException bad(String key, String problem) {
      return new KalshiConfigException(prefix + key, problem);
    }
  }
}
