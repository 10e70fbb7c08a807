package io.kdp.archive.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LifecycleRulesTest {

  private static S3ProxyServer s3;
  private static S3ProxyServer open;
  private static LifecycleFrontServer front;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3ProxyServer.start();
    open = S3ProxyServer.start(AuthenticationType.NONE);
    front = new LifecycleFrontServer(open.endpoint());
  }

  @AfterAll
  static void stop() throws Exception {
    front.close();
    open.close();
    s3.close();
  }

  @Test
  void s3proxyDoesNotImplementBucketLifecycleAndStartUpSaysSo() {
    try (ObjectStore store = s3.bucket("lifecycle-s3proxy")) {
      assertThat(LifecycleRules.ensure(store, LifecycleRules.DESIGN))
          .isEqualTo(LifecycleRules.Outcome.UNSUPPORTED);
    }
  }

  @Test
  void startUpSetsTheDesignRulesOnceAndFindsThemOnTheBucketAfterwards() {
    try (ObjectStore store =
        ObjectStore.open(S3ProxyServer.config(front.endpoint(), "lifecycle-set"))) {
      store.ensureBucket();
      assertThat(LifecycleRules.read(store)).isEmpty();

      assertThat(LifecycleRules.ensure(store, LifecycleRules.DESIGN))
          .isEqualTo(LifecycleRules.Outcome.APPLIED);
      assertThat(LifecycleRules.ensure(store, LifecycleRules.DESIGN))
          .isEqualTo(LifecycleRules.Outcome.PRESENT);

      assertThat(LifecycleRules.read(store))
          .containsExactly(
              rule("kdp-raw-to-glacier", "raw/", 30, TransitionStorageClass.GLACIER),
              rule("kdp-processed-to-ia", "processed/", 90, TransitionStorageClass.STANDARD_IA));
    }
  }

  @Test
  void aChangedRuleIsReplacedAndForeignRulesAreKept() {
    LifecycleRule foreign = rule("logs", "logs/", 7, TransitionStorageClass.GLACIER_IR);
    LifecycleRule stale = rule("kdp-raw-to-glacier", "raw/", 60, TransitionStorageClass.GLACIER);

    assertThat(LifecycleRules.missing(List.of(foreign, stale), LifecycleRules.DESIGN))
        .isEqualTo(LifecycleRules.DESIGN);
    assertThat(LifecycleRules.merged(List.of(foreign, stale), LifecycleRules.DESIGN).rules())
        .containsExactly(
            foreign,
            rule("kdp-raw-to-glacier", "raw/", 30, TransitionStorageClass.GLACIER),
            rule("kdp-processed-to-ia", "processed/", 90, TransitionStorageClass.STANDARD_IA));
  }

  @Test
  void foreignRulesSurviveStartUpOnTheBucket() {
    try (ObjectStore store =
        ObjectStore.open(S3ProxyServer.config(front.endpoint(), "lifecycle-foreign"))) {
      store.ensureBucket();
      LifecycleRule foreign = rule("logs", "logs/", 7, TransitionStorageClass.GLACIER_IR);
      store
          .client()
          .putBucketLifecycleConfiguration(
              b -> b.bucket(store.bucket()).lifecycleConfiguration(c -> c.rules(foreign)));

      assertThat(LifecycleRules.ensure(store, LifecycleRules.DESIGN))
          .isEqualTo(LifecycleRules.Outcome.APPLIED);
      assertThat(LifecycleRules.read(store))
          .containsExactly(
              foreign,
              rule("kdp-raw-to-glacier", "raw/", 30, TransitionStorageClass.GLACIER),
              rule("kdp-processed-to-ia", "processed/", 90, TransitionStorageClass.STANDARD_IA));
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
