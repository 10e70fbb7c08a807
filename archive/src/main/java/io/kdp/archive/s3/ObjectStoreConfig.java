package io.kdp.archive.s3;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the archive writes.
 *
 * @param endpoint an S3-compatible endpoint (s3proxy, MinIO), or empty for AWS's own
 * @param region the signing region, e.g. {@code us-east-1}
 * @param bucket the bucket name
 * @param pathStyle address the bucket in the path ({@code http://host/bucket/key}), as most
 *     S3-compatible servers need; AWS itself uses virtual hosts
 * @param credentials static credentials for a test or demo server, or empty for the SDK's default
 *     credentials chain (environment, profile, instance role)
 */
public record ObjectStoreConfig(
    Optional<URI> endpoint,
    String region,
    String bucket,
    boolean pathStyle,
    Optional<StaticCredentials> credentials) {

  public ObjectStoreConfig {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(credentials, "credentials");
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("archive.s3.region must be set");
    }
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("archive.s3.bucket must be set");
    }
  }

  /** AWS S3 in {@code region}, credentials from the default chain. */
  public static ObjectStoreConfig aws(String region, String bucket) {
    return new ObjectStoreConfig(Optional.empty(), region, bucket, false, Optional.empty());
  }

  /** An S3-compatible server at {@code endpoint}, path-style, with static credentials. */
  public static ObjectStoreConfig compatible(
      URI endpoint, String bucket, StaticCredentials credentials) {
    return new ObjectStoreConfig(
        Optional.of(endpoint), "us-east-1", bucket, true, Optional.of(credentials));
  }

  /** An access key pair for a test or demo server; the secret never appears in toString. */
  public record StaticCredentials(String accessKeyId, String secretAccessKey) {
    public StaticCredentials {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
      return "StaticCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }
  }
}
