package io.kdp.platform.demo;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible server in process (s3proxy with its filesystem backend), objects kept under
 * {@code <data-dir>/s3/<bucket>/<key>} so a second run sees the first run's archive. Clients reach
 * it through the AWS SDK with {@link #endpoint()}, path-style addressing and the fixed demo
 * credentials {@link #ACCESS_KEY}/{@link #SECRET_KEY} (local only, not a secret).
 */
public final class DemoS3 implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoS3.class);
  public static final String ACCESS_KEY = "kdp-demo";
  public static final String SECRET_KEY = "kdp-demo-secret";
  public static final String REGION = "us-east-1";

  private final S3Proxy proxy;
  private final Path baseDirectory;

  private DemoS3(S3Proxy proxy, Path baseDirectory) {
    this.proxy = proxy;
    this.baseDirectory = baseDirectory;
  }

  /** Starts the server on 127.0.0.1:{@code port} (0 = any free port) over {@code baseDirectory}. */
  public static DemoS3 start(Path baseDirectory, int port) throws Exception {
    Files.createDirectories(baseDirectory);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new FilesystemNio2BlobStore(baseDirectory.toAbsolutePath().toString()))
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .jettyMaxThreads(16)
            .build();
    proxy.start();
    LOG.info("S3-compatible server on port {} over {}", proxy.getPort(), baseDirectory);
    return new DemoS3(proxy, baseDirectory);
  }

  /** {@code http://127.0.0.1:<port>}: the AWS SDK's endpoint override. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  public Path baseDirectory() {
    return baseDirectory;
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    LOG.info("S3-compatible server stopped");
  }
}
