package io.kdp.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code bin/kdp ...} process of an unpacked distribution, started from the distribution's own
 * directory with a clean {@code KDP_*} environment; its stdout and stderr go to files the test
 * reads while it runs.
 */
final class InstalledCommand implements AutoCloseable {

  private final Process process;
  private final Path out;
  private final Path err;

  private InstalledCommand(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code home/bin/kdp args} in {@code home}, with {@code env} added to a clean env. */
  static InstalledCommand start(
      Path home, Path logs, String name, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/kdp").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("KDP_"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("KDP_JAVA_OPTS", "-Xmx512m -XX:+UseSerialGC");
    pb.environment().putAll(env);
    Files.createDirectories(logs);
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new InstalledCommand(pb.start(), out, err);
  }

  /** Runs {@code home/bin/kdp args} to completion (at most 60 s) and returns its exit code. */
  static Finished run(Path home, Path logs, String name, String... args) throws Exception {
    try (InstalledCommand c = start(home, logs, name, Map.of(), args)) {
      if (!c.process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("bin/kdp " + String.join(" ", args) + " did not finish");
      }
      return new Finished(c.process.exitValue(), c.stdout(), c.stderr());
    }
  }

  record Finished(int exitCode, String stdout, String stderr) {}

  String stdout() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  String stderr() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM (what systemd sends), then SIGKILL after 30 s; returns the exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    return process.isAlive() ? -1 : process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
