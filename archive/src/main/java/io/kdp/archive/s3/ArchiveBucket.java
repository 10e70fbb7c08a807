package io.kdp.archive.s3;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive bucket's start-up, as {@code kdp archive} and {@code kdp dedup --archive-bucket} run
 * it: create the bucket when missing, then set the design's lifecycle rules and read them back
 * ({@link LifecycleRules#ensure}). A server without bucket lifecycle (s3proxy answers 501) stops
 * start-up unless the policy is {@link LifecyclePolicy#WARN}.
 */
public final class ArchiveBucket {

  private static final Logger LOG = LoggerFactory.getLogger(ArchiveBucket.class);

  /** What start-up does when the server cannot keep lifecycle rules. */
  public enum LifecyclePolicy {
    /** Refuse to start: production must have its rules. */
    REQUIRE,
    /** Log a warning and go on: a test or demo server. */
    WARN
  }

  private ArchiveBucket() {}

  /**
   * Prepares the store's bucket.
   *
   * @throws IllegalStateException when the server does not implement lifecycle rules and the policy
   *     is {@link LifecyclePolicy#REQUIRE}, or when the rules are not there after setting
   */
  public static LifecycleRules.Outcome prepare(ObjectStore store, LifecyclePolicy policy) {
    store.ensureBucket();
    LifecycleRules.Outcome outcome = LifecycleRules.ensure(store, LifecycleRules.DESIGN);
    if (outcome == LifecycleRules.Outcome.UNSUPPORTED) {
      String message =
          "bucket " + store.bucket() + ": the S3 server does not implement lifecycle rules (501)";
      if (policy == LifecyclePolicy.REQUIRE) {
        throw new IllegalStateException(message + "; the WARN policy accepts that for a test");
      }
      LOG.warn("{}; going on without them (policy WARN)", message);
    } else {
      LOG.info("bucket {}: lifecycle rules {}", store.bucket(), outcome);
    }
    return outcome;
  }
}
