package io.kdp.archive.s3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The archive's bucket, through the AWS SDK v2 (URL-connection HTTP client). Objects are only ever
 * written whole: {@link #putFile} uploads a finished local file in one PutObject, which S3 makes
 * visible atomically, so a reader sees the old object, the new one, or none — never a part.
 */
public final class ObjectStore implements AutoCloseable {

  /** S3's limit for one PutObject; hourly archive files are far below it. */
  static final long MAX_SINGLE_PUT_BYTES = 5L * 1024 * 1024 * 1024;

  private final S3Client s3;
  private final ObjectStoreConfig config;

  private ObjectStore(S3Client s3, ObjectStoreConfig config) {
    this.s3 = s3;
    this.config = config;
  }

  public static ObjectStore open(ObjectStoreConfig config) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(config.region()))
            .forcePathStyle(config.pathStyle())
            .credentialsProvider(credentials(config));
    config.endpoint().ifPresent(builder::endpointOverride);
    return new ObjectStore(builder.build(), config);
  }

  private static AwsCredentialsProvider credentials(ObjectStoreConfig config) {
    return config
        .credentials()
        .<AwsCredentialsProvider>map(
            c ->
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }

  public String bucket() {
    return config.bucket();
  }

  /** The SDK client, for the lifecycle rules. */
  S3Client client() {
    return s3;
  }

  /** Creates the bucket when it does not exist yet. */
  public void ensureBucket() {
    try {
      s3.headBucket(b -> b.bucket(config.bucket()));
    } catch (NoSuchBucketException e) {
      s3.createBucket(b -> b.bucket(config.bucket()));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      s3.createBucket(b -> b.bucket(config.bucket()));
    }
  }

  /**
   * Uploads a finished local file as {@code key} in one PutObject (visible whole or not at all).
   */
  public void putFile(String key, Path file, String contentType) throws IOException {
    long size = Files.size(file);
    if (size > MAX_SINGLE_PUT_BYTES) {
      throw new IOException(
          key + " is " + size + " bytes, above the single-PutObject limit; split the export");
    }
    s3.putObject(
        b -> b.bucket(config.bucket()).key(key).contentType(contentType).contentLength(size),
        RequestBody.fromFile(file));
  }

  /** Uploads {@code bytes} as {@code key} in one PutObject. */
  public void putBytes(String key, byte[] bytes, String contentType) {
    s3.putObject(
        b -> b.bucket(config.bucket()).key(key).contentType(contentType),
        RequestBody.fromBytes(bytes));
  }

  /** The object's bytes, or empty when there is no such key. */
  public Optional<byte[]> get(String key) {
    try {
      ResponseBytes<GetObjectResponse> bytes =
          s3.getObjectAsBytes(b -> b.bucket(config.bucket()).key(key));
      return Optional.of(bytes.asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  public boolean exists(String key) {
    try {
      s3.headObject(b -> b.bucket(config.bucket()).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** Every key under {@code prefix}, in S3's (lexicographic) order. */
  public List<String> list(String prefix) {
    List<String> keys = new ArrayList<>();
    String token = null;
    do {
      ListObjectsV2Request.Builder request =
          ListObjectsV2Request.builder().bucket(config.bucket()).prefix(prefix);
      if (token != null) {
        request.continuationToken(token);
      }
      ListObjectsV2Response page = s3.listObjectsV2(request.build());
      for (S3Object object : page.contents()) {
        keys.add(object.key());
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return keys;
  }

  @Override
  public void close() {
    s3.close();
  }
}
