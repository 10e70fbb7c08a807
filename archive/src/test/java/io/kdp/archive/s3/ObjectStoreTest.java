package io.kdp.archive.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ObjectStoreTest {

  private static S3ProxyServer s3;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3ProxyServer.start();
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  @Test
  void createsTheBucketOnceAndWritesWholeObjects(@TempDir Path dir) throws Exception {
    try (ObjectStore store = s3.bucket("store-test")) {
      store.ensureBucket();
      Path file = dir.resolve("a.bin");
      Files.writeString(file, "hello parquet");
      store.putFile("processed/table=t/date=2026-11-25/hour=14/part-0000.parquet", file, "x/y");
      store.putBytes("manifests/m.json", "{}".getBytes(StandardCharsets.UTF_8), "application/json");

      assertThat(store.list(""))
          .containsExactly(
              "manifests/m.json", "processed/table=t/date=2026-11-25/hour=14/part-0000.parquet");
      assertThat(store.get("processed/table=t/date=2026-11-25/hour=14/part-0000.parquet"))
          .hasValueSatisfying(
              b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("hello parquet"));
      assertThat(store.exists("manifests/m.json")).isTrue();
      assertThat(store.exists("manifests/other.json")).isFalse();
      assertThat(store.get("missing")).isEmpty();
      assertThat(store.list("raw/")).isEqualTo(List.of());
    }
  }

  @Test
  void credentialsNeverPrintTheSecret() {
    assertThat(s3.config("b").toString()).doesNotContain("kdp-test-secret").contains("***");
  }
}
