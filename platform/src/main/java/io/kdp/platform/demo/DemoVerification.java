package io.kdp.platform.demo;

import io.kdp.platform.status.PlatformStatus;
import io.kdp.platform.verify.Verifier;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a timed demo: every role back up and every fault off, a wait until the deduplicator
 * has caught up with every gatherer (at most {@link #CATCH_UP}), then {@code kdp verify} over the
 * run up to {@link #MARGIN} before that moment.
 */
final class DemoVerification {

  private static final Logger LOG = LoggerFactory.getLogger(DemoVerification.class);
  static final Duration CATCH_UP = Duration.ofSeconds(90);
  static final Duration MARGIN = Duration.ofSeconds(5);
  private static final double CAUGHT_UP_LAG_SECONDS = 3.0;

  private DemoVerification() {}

  static Verifier.Result run(DemoPlatform demo, long fromSec) throws Exception {
    demo.restoreAll();
    long end = Instant.now().getEpochSecond();
    Instant deadline = Instant.now().plus(CATCH_UP);
    // a first reading after the restore, then wait for the lag to come down
    long restoredAt = System.currentTimeMillis();
    while (Instant.now().isBefore(deadline)
        && !caughtUp(demo.status().latest(), restoredAt, end - MARGIN.toSeconds())) {
      Thread.sleep(500);
    }
    LOG.info(
        "verifying production against the exchange up to {}",
        Instant.ofEpochSecond(end - MARGIN.toSeconds()));
    return new Verifier(
            demo.simulator().restBase(),
            demo.postgres().jdbcUrl(DemoPlatform.PRODUCTION),
            demo.journal(),
            fromSec,
            end - MARGIN.toSeconds(),
            10,
            5)
        .run();
  }

  /**
   * Every role up for 10 s after the restore, and the deduplicator current: each gatherer's lag
   * small, or (the book's designed wait — window plus grace — keeps the lag near 4 s under load)
   * the book merged past {@code verifyTo}, the end of what will be verified.
   */
  private static boolean caughtUp(PlatformStatus s, long restoredAt, long verifyTo) {
    PlatformStatus.DedupView d = s.dedup();
    return s.atMillis() > restoredAt + 10_000
        && d != null
        && d.up()
        && d.lagSeconds().size() == DemoPlatform.GATHERERS.size()
        && (d.lagSeconds().values().stream().allMatch(l -> l < CAUGHT_UP_LAG_SECONDS)
            || d.decidedTo() > verifyTo)
        && s.gatherers().stream().allMatch(PlatformStatus.GathererView::up);
  }
}
