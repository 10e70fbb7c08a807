package io.kdp.archive.s3;

import io.kdp.archive.s3.ObjectStoreConfig.StaticCredentials;
import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/** A real S3-compatible server (s3proxy, in-memory backend) in this JVM on a free port. */
public final class S3ProxyServer implements AutoCloseable {

  private static final StaticCredentials CREDENTIALS =
      new StaticCredentials("kdp-test-access", "kdp-test-secret");

  private final S3Proxy proxy;

  private S3ProxyServer(S3Proxy proxy) {
    this.proxy = proxy;
  }

  public static S3ProxyServer start() throws Exception {
    return start(AuthenticationType.AWS_V2_OR_V4);
  }

  /** With {@link AuthenticationType#NONE}, a front server may forward requests unchanged. */
  public static S3ProxyServer start(AuthenticationType authentication) throws Exception {
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(
                authentication, CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey())
            .build();
    proxy.start();
    return new S3ProxyServer(proxy);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  public ObjectStoreConfig config(String bucket) {
    return ObjectStoreConfig.compatible(endpoint(), bucket, CREDENTIALS);
  }

  /** A configuration for a server at {@code endpoint} with this fixture's credentials. */
  public static ObjectStoreConfig config(URI endpoint, String bucket) {
    return ObjectStoreConfig.compatible(endpoint, bucket, CREDENTIALS);
  }

  /** A store on a new bucket, created. */
  public ObjectStore bucket(String bucket) {
    ObjectStore store = ObjectStore.open(config(bucket));
    store.ensureBucket();
    return store;
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
