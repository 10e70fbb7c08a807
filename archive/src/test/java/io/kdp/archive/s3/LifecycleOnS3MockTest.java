package io.kdp.archive.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.archive.s3.ArchiveBucket.LifecyclePolicy;
import io.kdp.archive.s3.LifecycleRules.Outcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * The archive bucket's start-up ({@link ArchiveBucket#prepare}, the path {@code kdp archive} and
 * {@code kdp dedup --archive-bucket} take) against a real S3-compatible server that stores bucket
 * lifecycle configuration: Adobe S3Mock in its own process. The rules read back over S3 are the
 * design's.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LifecycleOnS3MockTest {

  private static final LifecycleRule RAW =
      rule("kdp-raw-to-glacier", "raw/", 30, TransitionStorageClass.GLACIER);
  private static final LifecycleRule PROCESSED =
      rule("kdp-processed-to-ia", "processed/", 90, TransitionStorageClass.STANDARD_IA);

  private static S3MockServer s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3MockServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void startUpCreatesTheBucketSetsTheDesignRulesAndFindsThemOnTheNextStart() {
    try (ObjectStore store = ObjectStore.open(s3.config("kdp-archive"))) {
      assertThat(ArchiveBucket.prepare(store, LifecyclePolicy.REQUIRE)).isEqualTo(Outcome.APPLIED);
      assertThat(LifecycleRules.read(store)).containsExactly(RAW, PROCESSED);
    }
    try (ObjectStore restarted = ObjectStore.open(s3.config("kdp-archive"))) {
      assertThat(ArchiveBucket.prepare(restarted, LifecyclePolicy.REQUIRE))
          .isEqualTo(Outcome.PRESENT);
      assertThat(LifecycleRules.read(restarted)).containsExactly(RAW, PROCESSED);
    }
  }

  @Test
  void aStaleRuleIsReplacedAndAForeignRuleKept() {
    try (ObjectStore store = ObjectStore.open(s3.config("kdp-archive-stale"))) {
      store.ensureBucket();
      LifecycleRule foreign = rule("logs", "logs/", 7, TransitionStorageClass.GLACIER_IR);
      LifecycleRule stale = rule("kdp-raw-to-glacier", "raw/", 60, TransitionStorageClass.GLACIER);
      store
          .client()
          .putBucketLifecycleConfiguration(
              b -> b.bucket(store.bucket()).lifecycleConfiguration(c -> c.rules(foreign, stale)));
      assertThat(LifecycleRules.read(store)).containsExactly(foreign, stale);

      assertThat(ArchiveBucket.prepare(store, LifecyclePolicy.REQUIRE)).isEqualTo(Outcome.APPLIED);
      assertThat(LifecycleRules.read(store)).isEqualTo(List.of(foreign, RAW, PROCESSED));
    }
  }

  private static LifecycleRule rule(
      String id, String prefix, int days, TransitionStorageClass storageClass) {
    return LifecycleRule.builder()
        .id(id)
        .status(ExpirationStatus.ENABLED)
        .filter(LifecycleRuleFilter.builder().prefix(prefix).build())
        .transitions(Transition.builder().days(days).storageClass(storageClass).build())
        .build();
  }
}
