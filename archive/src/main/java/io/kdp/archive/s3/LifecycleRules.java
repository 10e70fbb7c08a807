package io.kdp.archive.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * The bucket lifecycle of DESIGN.md §5: {@code raw/} to Glacier after 30 days, {@code processed/}
 * to Infrequent Access after 90. {@link #ensure} runs at start-up: it reads the bucket's rules,
 * adds ours when missing or different (keeping any other rule), and reads them back.
 */
public final class LifecycleRules {

  /** What {@link #ensure} found. */
  public enum Outcome {
    /** The rules were already on the bucket. */
    PRESENT,
    /** The rules were missing or different; they were written and read back. */
    APPLIED,
    /** The server does not implement bucket lifecycle (s3proxy answers 501 NotImplemented). */
    UNSUPPORTED
  }

  /** One wanted rule: objects under {@code prefix} move to {@code storageClass} after days. */
  public record Rule(String id, String prefix, int days, TransitionStorageClass storageClass) {
    public Rule {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(storageClass, "storageClass");
    }

    LifecycleRule toSdk() {
      return LifecycleRule.builder()
          .id(id)
          .status(ExpirationStatus.ENABLED)
          .filter(LifecycleRuleFilter.builder().prefix(prefix).build())
          .transitions(Transition.builder().days(days).storageClass(storageClass).build())
          .build();
    }

    boolean matches(LifecycleRule r) {
      return r.status() == ExpirationStatus.ENABLED
          && r.filter() != null
          && prefix.equals(r.filter().prefix())
          && r.transitions().size() == 1
          && Integer.valueOf(days).equals(r.transitions().get(0).days())
          && storageClass == r.transitions().get(0).storageClass();
    }
  }

  public static final List<Rule> DESIGN =
      List.of(
          new Rule("kdp-raw-to-glacier", "raw/", 30, TransitionStorageClass.GLACIER),
          new Rule("kdp-processed-to-ia", "processed/", 90, TransitionStorageClass.STANDARD_IA));

  private LifecycleRules() {}

  /** The wanted rules missing from {@code current} (or present under our id but different). */
  public static List<Rule> missing(List<LifecycleRule> current, List<Rule> wanted) {
    List<Rule> missing = new ArrayList<>();
    for (Rule rule : wanted) {
      if (current.stream().noneMatch(rule::matches)) {
        missing.add(rule);
      }
    }
    return missing;
  }

  /** {@code current} with every wanted rule in place: others kept, ours replaced by id. */
  public static BucketLifecycleConfiguration merged(
      List<LifecycleRule> current, List<Rule> wanted) {
    List<LifecycleRule> rules = new ArrayList<>();
    for (LifecycleRule r : current) {
      if (wanted.stream().noneMatch(w -> w.id().equals(r.id()))) {
        rules.add(r);
      }
    }
    wanted.forEach(w -> rules.add(w.toSdk()));
    return BucketLifecycleConfiguration.builder().rules(rules).build();
  }

  /** Sets {@code wanted} on the store's bucket if needed and checks it is there afterwards. */
  public static Outcome ensure(ObjectStore store, List<Rule> wanted) {
    List<LifecycleRule> current;
    try {
      current = read(store);
    } catch (S3Exception e) {
      if (e.statusCode() == 501) {
        return Outcome.UNSUPPORTED;
      }
      throw e;
    }
    if (missing(current, wanted).isEmpty()) {
      return Outcome.PRESENT;
    }
    store
        .client()
        .putBucketLifecycleConfiguration(
            b -> b.bucket(store.bucket()).lifecycleConfiguration(merged(current, wanted)));
    List<Rule> stillMissing = missing(read(store), wanted);
    if (!stillMissing.isEmpty()) {
      throw new IllegalStateException(
          "bucket "
              + store.bucket()
              + " lacks lifecycle rules after setting them: "
              + stillMissing);
    }
    return Outcome.APPLIED;
  }

  /** The bucket's lifecycle rules; empty when it has none. */
  public static List<LifecycleRule> read(ObjectStore store) {
    try {
      return store.client().getBucketLifecycleConfiguration(b -> b.bucket(store.bucket())).rules();
    } catch (S3Exception e) {
      if ("NoSuchLifecycleConfiguration".equals(errorCode(e))) {
        return List.of();
      }
      throw e;
    }
  }

  private static String errorCode(S3Exception e) {
    return e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
  }
}
