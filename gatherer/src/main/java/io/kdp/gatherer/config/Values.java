package io.kdp.gatherer.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Typed, validated reads of the gatherer block; every failure names the full key. */
final class Values {

  private final Config config;

  Values(Config config) {
    this.config = config;
  }

  GathererConfigException bad(String key, String why) {
    return new GathererConfigException(GathererConfigReader.ROOT + "." + key + ": " + why);
  }

  String string(String key) {
    return get(key, () -> config.getString(key));
  }

  String nonEmpty(String key) {
    String s = string(key).strip();
    if (s.isEmpty()) {
      throw bad(key, "must not be empty");
    }
    return s;
  }

  int intIn(String key, int min, int max) {
    int n = get(key, () -> config.getInt(key));
    if (n < min || n > max) {
      throw bad(key, "must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  long bytesAtLeast(String key, long min) {
    long n = get(key, () -> config.getBytes(key));
    if (n < min) {
      throw bad(key, "must be at least " + min + " bytes, got " + n);
    }
    return n;
  }

  Duration positiveDuration(String key) {
    Duration d = get(key, () -> config.getDuration(key));
    if (d.isNegative() || d.isZero()) {
      throw bad(key, "must be a positive duration, got " + d);
    }
    return d;
  }

  <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String s = string(key).strip();
    for (E e : type.getEnumConstants()) {
      if (GathererConfigReader.lower(e).equals(s.toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    String allowed =
        Arrays.stream(type.getEnumConstants())
            .map(GathererConfigReader::lower)
            .collect(Collectors.joining(" | "));
    throw bad(key, "must be one of " + allowed + ", got \"" + s + "\"");
  }

  URI uri(String key, String... schemes) {
    String s = nonEmpty(key);
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw bad(key, "not a URL: \"" + s + "\"");
    }
    if (uri.getHost() == null || !Arrays.asList(schemes).contains(uri.getScheme())) {
      throw bad(
          key, "must be an absolute " + String.join("/", schemes) + " URL, got \"" + s + "\"");
    }
    return uri;
  }

  /** A readable file, or null when the key is empty. */
  SecretFile secretFile(String key) {
    String s = string(key).strip();
    if (s.isEmpty()) {
      return null;
    }
    Path p = Path.of(s);
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw bad(key, "not a readable file: " + p);
    }
    return new SecretFile(p);
  }

  private <T> T get(String key, Supplier<T> read) {
    try {
      return read.get();
    } catch (ConfigException e) {
      throw new GathererConfigException(
          GathererConfigReader.ROOT + "." + key + ": " + e.getMessage(), e);
    }
  }
}
