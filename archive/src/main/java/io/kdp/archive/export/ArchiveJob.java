package io.kdp.archive.export;

import io.kdp.archive.s3.ObjectStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports a range of hours: for each hour the processed unit (from production) and one raw unit per
 * gatherer. Resumable and idempotent: a unit whose manifest exists is skipped (unless forced), and
 * a unit interrupted before its manifest is simply exported again, to the same keys and bytes.
 */
public final class ArchiveJob {

  private static final Logger LOG = LoggerFactory.getLogger(ArchiveJob.class);

  private final ObjectStore store;
  private final HourExporter exporter;
  private final DataSource production;
  private final Map<String, DataSource> gatherers;

  /**
   * @param production the production database (read-only use)
   * @param gatherers each gatherer's time-series database by gatherer name, for {@code raw/}
   */
  public ArchiveJob(
      ObjectStore store,
      HourExporter exporter,
      DataSource production,
      Map<String, DataSource> gatherers) {
    this.store = store;
    this.exporter = exporter;
    this.production = production;
    this.gatherers = new TreeMap<>(gatherers);
  }

  /**
   * Exports every hour in [from, to) (both truncated to the hour), calling {@code onHour} after
   * each. A raw unit whose gatherer database is unreachable is logged and left for the next run.
   *
   * @return true when every unit of the range is now exported
   */
  public boolean run(
      Instant from, Instant to, boolean force, ExportProgress progress, Consumer<Instant> onHour)
      throws SQLException, IOException {
    boolean complete = true;
    for (Instant hour = HourKeys.hourOf(from);
        hour.isBefore(to);
        hour = hour.plus(1, ChronoUnit.HOURS)) {
      complete &= exportHour(hour, force, progress);
      onHour.accept(hour);
    }
    return complete;
  }

  /** Exports one hour's units not yet done; true when all of them are done afterwards. */
  public boolean exportHour(Instant hour, boolean force, ExportProgress progress)
      throws SQLException, IOException {
    exportProcessedHour(hour, force, progress);
    boolean complete = true;
    for (String gatherer : gatherers.keySet()) {
      complete &= exportRawHour(gatherer, hour, force, progress);
    }
    return complete;
  }

  /**
   * How far the deduplicator has decided production: {@code dedup_checkpoint.decided_to}, empty
   * when it has decided nothing yet (no row, or no such table in this database).
   */
  public Optional<Instant> decidedThrough() throws SQLException {
    try (Connection c = production.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT decided_to FROM dedup_checkpoint")) {
      return rs.next()
          ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant())
          : Optional.empty();
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The gatherers whose raw data this job archives, in name order. */
  public Set<String> gatherers() {
    return gatherers.keySet();
  }

  /** Exports the processed unit of {@code hour} unless its manifest exists (or when forced). */
  public void exportProcessedHour(Instant hour, boolean force, ExportProgress progress)
      throws SQLException, IOException {
    if (!force && store.exists(HourKeys.processedManifest(hour))) {
      progress.unitSkipped();
      return;
    }
    try {
      exporter.exportProcessed(production, hour, progress);
    } catch (SQLException e) {
      throw new SQLException(
          "processed export of hour " + hour + " failed: " + e.getMessage(), e.getSQLState(), e);
    }
  }

  /**
   * Exports one gatherer's raw unit of {@code hour} unless its manifest exists (or when forced).
   *
   * @return false when the gatherer's database could not be reached (SQLState 08*): deferred
   */
  public boolean exportRawHour(
      String gatherer, Instant hour, boolean force, ExportProgress progress)
      throws SQLException, IOException {
    if (!force && store.exists(HourKeys.rawManifest(gatherer, hour))) {
      progress.unitSkipped();
      return true;
    }
    try (Connection c = gatherers.get(gatherer).getConnection()) {
      exporter.exportRaw(gatherer, c, hour, progress);
      return true;
    } catch (SQLException e) {
      if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) {
        throw new SQLException(
            "raw export of gatherer " + gatherer + " hour " + hour + " failed: " + e.getMessage(),
            e.getSQLState(),
            e);
      }
      LOG.warn("raw export of gatherer {} hour {} deferred: {}", gatherer, hour, e.getMessage());
      return false;
    }
  }
}
