package io.kdp.store.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application-run maintenance job of a time-series database: the engine's partition or chunk
 * upkeep ({@link StorageEngine#maintain}) plus trimming the plain tables past retention. Run it at
 * start and then hourly ({@link io.kdp.store.GathererStore} schedules it); a failed run is logged
 * and counted and the next run tries again.
 */
public final class StoreMaintenance implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(StoreMaintenance.class);

  private final DataSource dataSource;
  private final StorageEngine engine;
  private final Retention retention;
  private final InstantSource clock;
  private final AtomicLong failures = new AtomicLong();

  public StoreMaintenance(
      DataSource dataSource, StorageEngine engine, Retention retention, InstantSource clock) {
    this.dataSource = dataSource;
    this.engine = engine;
    this.retention = retention;
    this.clock = clock;
  }

  /** One run as of the clock's now. */
  public MaintenanceReport runOnce() throws SQLException {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      MaintenanceReport r = engine.maintain(c, now);
      long trimmed = Trim.plainTables(c, now.minus(retention.keep()));
      return new MaintenanceReport(
          r.created(), r.dropped(), r.compressed(), r.rowsTrimmed() + trimmed);
    }
  }

  /** {@link #runOnce()}, logging the outcome; never throws. */
  @Override
  public void run() {
    try {
      MaintenanceReport r = runOnce();
      if (!r.created().isEmpty() || !r.dropped().isEmpty() || !r.compressed().isEmpty()) {
        LOG.info(
            "storage maintenance: created {}, dropped {}, compressed {}, trimmed {} rows",
            r.created(),
            r.dropped(),
            r.compressed(),
            r.rowsTrimmed());
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn(
          "storage maintenance failed ({} failures so far): {}",
          failures.incrementAndGet(),
          e.toString());
    }
  }

  /** Runs that failed so far. */
  public long failures() {
    return failures.get();
  }
}
