package io.kdp.dedup;

import io.kdp.dedup.candles.CandleRefresh;
import io.kdp.store.GathererStore;
import io.kdp.store.production.ProductionEngine;
import io.kdp.store.production.ProductionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What production on TimescaleDB needs after each merge commits (and at start-up), since its
 * background workers may not run: the candle windows the merges recorded refreshed ({@link
 * CandleRefresh#drain}), and at most hourly the chunks wholly older than {@code compress-after}
 * compressed ({@link ProductionStore#compress}), so that no chunk is compressed while late rows may
 * still arrive in it. A failure is logged and retried after the next commit (the windows stay
 * recorded, the compression stays due).
 */
final class TimescaleUpkeep {

  private static final Logger LOG = LoggerFactory.getLogger(TimescaleUpkeep.class);
  private static final Duration COMPRESS_EVERY = Duration.ofHours(1);

  private final DataSource production;
  private final boolean timescale;
  private final Duration compressAfter;
  private Instant compressedAt;

  /** Does nothing unless {@code engine} is TimescaleDB. */
  TimescaleUpkeep(DataSource production, ProductionEngine engine, Duration compressAfter) {
    this.production = production;
    this.timescale = engine == ProductionEngine.TIMESCALEDB;
    this.compressAfter = compressAfter;
  }

  /** At start-up: the refreshes a previous run recorded but did not finish. */
  void start() {
    if (!timescale) {
      return;
    }
    try (Connection c = production.getConnection()) {
      CandleRefresh.drain(c);
    } catch (SQLException e) {
      LOG.warn("candle refresh failed ({}); retrying after the next merge", e.getMessage());
    }
  }

  /** After a merge committed: its refreshes, and the compression when due. */
  void afterCommit(Instant now) {
    if (!timescale) {
      return;
    }
    try {
      try (Connection c = production.getConnection()) {
        CandleRefresh.drain(c);
      }
      if (compressedAt == null || !now.isBefore(compressedAt.plus(COMPRESS_EVERY))) {
        List<String> chunks =
            GathererStore.inTransaction(
                production, c -> ProductionStore.compress(c, now.minus(compressAfter)));
        compressedAt = now;
        if (!chunks.isEmpty()) {
          LOG.info("compressed {} production chunks: {}", chunks.size(), chunks);
        }
      }
    } catch (SQLException e) {
      LOG.warn(
          "candle refresh or compression failed ({}); retrying after the next merge",
          e.getMessage());
    }
  }
}
