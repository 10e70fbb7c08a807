package io.kdp.platform.status;

import io.kdp.platform.status.PlatformStatus.PrefixUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Archive progress read from the in-process S3 server's filesystem backend ({@code
 * <dir>/<bucket>/<key>}): objects and bytes per {@code bucket/first-key-segment}, e.g. {@code
 * kdp-archive/processed}. Hidden files (the backend's own bookkeeping) are not counted.
 */
public final class ArchiveProbe {

  private final Path baseDirectory;

  public ArchiveProbe(Path baseDirectory) {
    this.baseDirectory = baseDirectory;
  }

  public Map<String, PrefixUsage> usage() throws IOException {
    Map<String, long[]> sums = new TreeMap<>();
    if (!Files.isDirectory(baseDirectory)) {
      return Map.of();
    }
    try (Stream<Path> files = Files.walk(baseDirectory)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Path rel = baseDirectory.relativize(f);
        if (rel.getNameCount() < 2 || isHidden(rel)) {
          continue;
        }
        String key = rel.getName(0) + "/" + (rel.getNameCount() > 2 ? rel.getName(1) : "");
        long[] s = sums.computeIfAbsent(key, k -> new long[2]);
        s[0]++;
        s[1] += Files.size(f);
      }
    }
    Map<String, PrefixUsage> out = new TreeMap<>();
    sums.forEach((k, v) -> out.put(k, new PrefixUsage(v[0], v[1])));
    return out;
  }

  private static boolean isHidden(Path rel) {
    for (Path p : rel) {
      if (p.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
