package io.kdp.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.EventRow;
import io.kdp.store.row.MarketRow;
import io.kdp.store.row.QuarantinedFrame;
import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.row.SeriesRow;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;
import io.kdp.store.schema.Migrations;
import io.kdp.store.schema.StorageEngine;
import io.kdp.store.schema.StoreMaintenance;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.CopyWriter;
import io.kdp.store.writer.MetadataWriteResult;
import io.kdp.store.writer.MetadataWriter;
import io.kdp.store.writer.SequenceGapWriter;
import io.kdp.store.writer.TradeWriteResult;
import io.kdp.store.writer.TradeWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A gatherer's local storage: two pools (time series, metadata), migrated on open, the batch
 * writers, and the maintenance job on one daemon thread. Each {@code write*} call is one
 * transaction: all of the batch or (with the {@link SQLException}) none of it. Classify the
 * exception's SQLState ({@code 08*} connection, retry) in the caller.
 */
public final class GathererStore implements AutoCloseable {

  private final HikariDataSource timeseries;
  private final HikariDataSource metadata;
  private final StorageEngine engine;
  private final StoreMaintenance maintenance;
  private final ScheduledExecutorService scheduler;
  private final CopyWriter<DeltaRow> deltas = new CopyWriter<>(Tables.DELTAS);
  private final CopyWriter<SnapshotRow> snapshots = new CopyWriter<>(Tables.SNAPSHOTS);
  private final CopyWriter<TickerRow> tickers = new CopyWriter<>(Tables.TICKERS);
  private final CopyWriter<QuarantinedFrame> quarantine = new CopyWriter<>(Tables.QUARANTINE);
  private final TradeWriter trades = new TradeWriter();
  private final SequenceGapWriter gaps = new SequenceGapWriter();
  private final MetadataWriter meta = new MetadataWriter();

  private GathererStore(
      HikariDataSource timeseries,
      HikariDataSource metadata,
      StorageEngine engine,
      StoreConfig config,
      InstantSource clock) {
    this.timeseries = timeseries;
    this.metadata = metadata;
    this.engine = engine;
    this.maintenance = new StoreMaintenance(timeseries, engine, config.retention(), clock);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("store-maintenance").unstarted(r));
    long every = config.maintenanceEvery().toMillis();
    scheduler.scheduleWithFixedDelay(maintenance, 0, every, TimeUnit.MILLISECONDS);
  }

  /** Opens the pools, migrates both databases and starts the maintenance job. */
  public static GathererStore open(StoreConfig config, InstantSource clock) throws SQLException {
    HikariDataSource ts = pool(config, config.timeseriesUrl(), "timeseries");
    HikariDataSource md = null;
    try {
      md = pool(config, config.metadataUrl(), "metadata");
      StorageEngine engine = Migrations.migrateTimeSeries(ts, config.retention());
      Migrations.migrateMetadata(md);
      return new GathererStore(ts, md, engine, config, clock);
    } catch (SQLException | RuntimeException e) {
      ts.close();
      if (md != null) {
        md.close();
      }
      throw e;
    }
  }

  /** A HikariCP pool for {@code url}; its name shows in thread names and metrics. */
  public static HikariDataSource pool(StoreConfig config, String url, String name) {
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("kdp-" + name);
    hc.setJdbcUrl(url);
    if (config.user() != null) {
      hc.setUsername(config.user());
    }
    if (config.password() != null) {
      hc.setPassword(config.password());
    }
    hc.setMaximumPoolSize(config.poolSize());
    hc.setMinimumIdle(1);
    hc.setAutoCommit(true);
    hc.setInitializationFailTimeout(-1);
    hc.setConnectionTimeout(10_000);
    return new HikariDataSource(hc);
  }

  public DataSource timeseries() {
    return timeseries;
  }

  public DataSource metadata() {
    return metadata;
  }

  public StorageEngine engine() {
    return engine;
  }

  public StoreMaintenance maintenance() {
    return maintenance;
  }

  public long writeDeltas(List<DeltaRow> rows) throws SQLException {
    return inTransaction(timeseries, c -> deltas.write(c, rows));
  }

  public long writeSnapshots(List<SnapshotRow> rows) throws SQLException {
    return inTransaction(timeseries, c -> snapshots.write(c, rows));
  }

  public long writeTickers(List<TickerRow> rows) throws SQLException {
    return inTransaction(timeseries, c -> tickers.write(c, rows));
  }

  public long writeQuarantine(List<QuarantinedFrame> rows) throws SQLException {
    return inTransaction(timeseries, c -> quarantine.write(c, rows));
  }

  public TradeWriteResult writeTrades(List<TradeRow> rows) throws SQLException {
    return inTransaction(timeseries, c -> trades.write(c, rows));
  }

  public long openGaps(List<SequenceGapRow> rows) throws SQLException {
    return inTransaction(timeseries, c -> gaps.open(c, rows));
  }

  /**
   * A new connection id from the {@code connection_ids} sequence: unique for this gatherer database
   * across restarts, so {@code (connection_id, sid)} names one stream.
   */
  public long nextConnectionId() throws SQLException {
    try (Connection c = timeseries.getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT nextval('connection_ids')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Closes the open gaps of one subscription; see {@link SequenceGapWriter#close}. */
  public int closeGaps(String gatherer, long connectionId, int sid, long recoveredAtMicros)
      throws SQLException {
    return inTransaction(
        timeseries, c -> gaps.close(c, gatherer, connectionId, sid, recoveredAtMicros));
  }

  public MetadataWriteResult upsertMarkets(List<MarketRow> rows, String gatherer, Instant at)
      throws SQLException {
    return inTransaction(metadata, c -> meta.upsertMarkets(c, rows, gatherer, at));
  }

  public MetadataWriteResult upsertEvents(List<EventRow> rows, String gatherer, Instant at)
      throws SQLException {
    return inTransaction(metadata, c -> meta.upsertEvents(c, rows, gatherer, at));
  }

  public MetadataWriteResult upsertSeries(List<SeriesRow> rows, String gatherer, Instant at)
      throws SQLException {
    return inTransaction(metadata, c -> meta.upsertSeries(c, rows, gatherer, at));
  }

  /** A unit of work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction on a connection: committed, or rolled back. The connection
   * is closed afterwards (a pool resets its auto-commit). When the connection was lost, a HikariCP
   * pool is told to evict it: errors raised inside pgjdbc's {@code CopyManager} bypass Hikari's
   * proxy, so Hikari would otherwise hand the dead connection out again.
   */
  public static <T> T inTransaction(DataSource ds, Work<T> work) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        if (ds instanceof HikariDataSource pool && StoreErrors.connectionLost(e)) {
          pool.evictConnection(c);
        } else {
          try {
            c.rollback();
          } catch (SQLException suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw e;
      }
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    timeseries.close();
    metadata.close();
  }
}
