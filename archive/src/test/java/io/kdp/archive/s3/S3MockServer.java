package io.kdp.archive.s3;

import io.kdp.archive.s3.ObjectStoreConfig.StaticCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adobe S3Mock, a real S3-compatible server that implements bucket lifecycle configuration, run as
 * a child process from its Spring Boot exec jar (copied to {@code target/s3mock} by the build) on
 * free ports, storing under a temporary directory. Its output goes to {@code
 * target/s3mock/s3mock-PID.log}.
 */
public final class S3MockServer implements AutoCloseable {

  static final Path JAR = Path.of("target", "s3mock", "s3mock.jar");
  private static final Pattern STARTED =
      Pattern.compile("Tomcat started on ports? (\\d+) \\(https\\), (\\d+) \\(http\\)");
  private static final StaticCredentials CREDENTIALS =
      new StaticCredentials("kdp-test-access", "kdp-test-secret");

  private final Process process;
  private final int httpPort;

  private S3MockServer(Process process, int httpPort) {
    this.process = process;
    this.httpPort = httpPort;
  }

  public static S3MockServer start() throws Exception {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " missing: build with Maven first");
    }
    Path root = Files.createTempDirectory("kdp-s3mock");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--server.port=0",
                "--http.port=0",
                "--spring.main.banner-mode=off",
                "--com.adobe.testing.s3mock.store.root=" + root)
            .redirectErrorStream(true)
            .start();
    // a test JVM that dies without closing the server does not leave it running
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "s3mock-stop"));
    Path log = JAR.resolveSibling("s3mock-" + p.pid() + ".log");
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread pump = new Thread(() -> pump(p, log, port), "s3mock-output");
    pump.setDaemon(true);
    pump.start();
    try {
      return new S3MockServer(p, port.get(120, TimeUnit.SECONDS));
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IllegalStateException("S3Mock did not start; see " + log, e);
    }
  }

  private static void pump(Process p, Path log, CompletableFuture<Integer> port) {
    try (BufferedReader in =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.println(line);
        Matcher m = STARTED.matcher(line);
        if (m.find()) {
          port.complete(Integer.parseInt(m.group(2)));
        }
      }
      port.completeExceptionally(new IOException("S3Mock exited: " + p.waitFor()));
    } catch (IOException | InterruptedException e) {
      port.completeExceptionally(e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  /** Path-style, signed with test credentials (S3Mock accepts any). */
  public ObjectStoreConfig config(String bucket) {
    return ObjectStoreConfig.compatible(endpoint(), bucket, CREDENTIALS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
