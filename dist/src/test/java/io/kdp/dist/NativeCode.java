package io.kdp.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds native code (shared libraries, packed binaries) inside the jars of a lib/ directory. */
final class NativeCode {

  private static final List<String> NATIVE_SUFFIXES =
      List.of(".so", ".dll", ".dylib", ".jnilib", ".txz", ".exe");

  private NativeCode() {}

  /**
   * "jar!/entry" for every native entry of a jar that carries no Linux aarch64 build at all: what a
   * Graviton host could not load. Pure-JVM jars and multi-architecture jars (with an aarch64 Linux
   * library) pass.
   */
  static List<String> librariesWithoutLinuxAarch64(Path lib) throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> jars = Files.list(lib)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        List<String> natives = nativeEntries(jar);
        boolean hasArm64 =
            natives.stream()
                .map(n -> n.toLowerCase(Locale.ROOT))
                .anyMatch(n -> n.contains("linux") && n.contains("aarch64"));
        if (!natives.isEmpty() && !hasArm64) {
          natives.forEach(n -> missing.add(jar.getFileName() + "!/" + n));
        }
      }
    }
    return missing;
  }

  private static List<String> nativeEntries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream()
          .map(e -> e.getName())
          .filter(n -> NATIVE_SUFFIXES.stream().anyMatch(n.toLowerCase(Locale.ROOT)::endsWith))
          .toList();
    }
  }
}
