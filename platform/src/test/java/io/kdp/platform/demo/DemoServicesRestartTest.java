package io.kdp.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The demo's embedded PostgreSQL and S3 keep their data across a stop and a second start. */
@Timeout(180)
class DemoServicesRestartTest {

  @TempDir Path dir;

  @Test
  void postgresResumesFromItsDataDirectoryWithRealDurability() throws Exception {
    Path pgDir = dir.resolve("postgres");
    try (DemoPostgres pg = DemoPostgres.start(pgDir, 0)) {
      pg.ensureDatabases(List.of("production", "gatherer_a_timeseries"));
      try (Connection c = pg.connect("production");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (id int primary key, what text)");
        s.execute("INSERT INTO kept VALUES (1, 'first run')");
        assertThat(setting(s, "fsync")).isEqualTo("on");
        assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
        assertThat(setting(s, "full_page_writes")).isEqualTo("on");
      }
    }
    try (DemoPostgres pg = DemoPostgres.start(pgDir, 0)) {
      pg.ensureDatabases(List.of("production", "gatherer_a_timeseries", "gatherer_b_timeseries"));
      try (Connection c = pg.connect("production");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id, what FROM kept")) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getInt(1) + ":" + rs.getString(2));
        }
        assertThat(rows).containsExactly("1:first run");
      }
      try (Connection c = pg.connect("gatherer_b_timeseries")) {
        assertThat(c.isValid(2)).isTrue();
      }
    }
  }

  @Test
  void s3KeepsObjectsAcrossRestartsAndSpeaksTheAwsSdk() throws Exception {
    Path s3Dir = dir.resolve("s3");
    try (DemoS3 s3 = DemoS3.start(s3Dir, 0);
        S3Client client = client(s3.endpoint())) {
      client.createBucket(b -> b.bucket("kdp-archive"));
      client.putObject(
          b -> b.bucket("kdp-archive").key("raw/gatherer=a/part-0.jsonl"),
          RequestBody.fromString("{\"n\":1}\n"));
    }
    try (DemoS3 s3 = DemoS3.start(s3Dir, 0);
        S3Client client = client(s3.endpoint())) {
      List<String> keys =
          client.listObjectsV2(b -> b.bucket("kdp-archive")).contents().stream()
              .map(o -> o.key())
              .toList();
      assertThat(keys).containsExactly("raw/gatherer=a/part-0.jsonl");
      String body =
          client
              .getObjectAsBytes(b -> b.bucket("kdp-archive").key("raw/gatherer=a/part-0.jsonl"))
              .asUtf8String();
      assertThat(body).isEqualTo("{\"n\":1}\n");
    }
  }

  private static String setting(Statement s, String name) throws Exception {
    try (ResultSet rs = s.executeQuery("SHOW " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static S3Client client(URI endpoint) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(DemoS3.REGION))
        .forcePathStyle(true)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(DemoS3.ACCESS_KEY, DemoS3.SECRET_KEY)))
        .build();
  }
}
