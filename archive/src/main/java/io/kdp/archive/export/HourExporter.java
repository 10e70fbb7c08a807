package io.kdp.archive.export;

import io.kdp.archive.layout.AggregateLayouts;
import io.kdp.archive.layout.Layout;
import io.kdp.archive.layout.MetadataLayouts;
import io.kdp.archive.layout.ProcessedLayouts;
import io.kdp.archive.layout.RawLayouts;
import io.kdp.archive.s3.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * Exports one unit — a processed hour (with its aggregates), or one gatherer's raw hour — reading
 * the database in one read-only repeatable-read transaction, writing each file to a local temp file
 * and uploading it whole, then writing the unit's manifest last.
 */
public final class HourExporter {

  static final String PARQUET = "application/vnd.apache.parquet";
  static final String SORT_MEMORY = "64MB";

  private final ObjectStore store;
  private final Path workDir;
  private final Duration lookback;
  private final int parallelism;

  /**
   * @param workDir where files are written before upload (deleted after)
   * @param lookback how far before an hour to look for the snapshot its orderbook file starts from
   */
  public HourExporter(ObjectStore store, Path workDir, Duration lookback) {
    this(store, workDir, lookback, 1);
  }

  /**
   * @param parallelism how many files of a processed hour are read and written at once, each on its
   *     own connection in the same snapshot (1: one connection, file after file)
   */
  public HourExporter(ObjectStore store, Path workDir, Duration lookback, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    this.store = store;
    this.workDir = workDir;
    this.lookback = lookback;
    this.parallelism = parallelism;
  }

  /**
   * {@code processed/} trades, tickers, coverage, orderbook, and {@code aggregates/} for the hour;
   * with hour 23 also the day's metadata ({@link MetadataLayouts#DAILY}) and daily candles. Files
   * are read on up to {@code parallelism} connections of {@code production} sharing one snapshot.
   */
  public List<ExportedFile> exportProcessed(
      DataSource production, Instant hour, ExportProgress progress)
      throws SQLException, IOException {
    if (parallelism <= 1) {
      try (Connection c = production.getConnection()) {
        return exportProcessed(c, hour, progress);
      }
    }
    List<ExportedFile> files =
        ParallelUnit.run(
            production,
            parallelism,
            HourExporter::inSnapshot,
            lead -> processedFiles(lead, hour, progress),
            (file, c) -> upload(file.key(), f -> file.writer().write(c, f), progress));
    return finishProcessed(hour, files, progress);
  }

  /** As {@link #exportProcessed(DataSource, Instant, ExportProgress)}, on one connection. */
  public List<ExportedFile> exportProcessed(Connection c, Instant hour, ExportProgress progress)
      throws SQLException, IOException {
    List<ExportedFile> files = new ArrayList<>();
    inSnapshot(c);
    try {
      for (UnitFile file : processedFiles(c, hour, progress)) {
        files.add(upload(file.key(), f -> file.writer().write(c, f), progress));
      }
    } finally {
      c.rollback();
    }
    return finishProcessed(hour, files, progress);
  }

  private List<ExportedFile> finishProcessed(
      Instant hour, List<ExportedFile> files, ExportProgress progress) {
    store.putBytes(
        HourKeys.processedManifest(hour),
        Manifest.json("processed", hour, files),
        "application/json");
    progress.unitDone();
    return files;
  }

  /** The files of a processed hour, in manifest order (candle columns discovered on {@code c}). */
  private List<UnitFile> processedFiles(Connection c, Instant hour, ExportProgress progress)
      throws SQLException {
    Instant to = hour.plus(1, ChronoUnit.HOURS);
    Instant day = hour.truncatedTo(ChronoUnit.DAYS);
    Instant next = day.plus(1, ChronoUnit.DAYS);
    List<UnitFile> files = new ArrayList<>();
    for (Layout layout : ProcessedLayouts.FLAT) {
      files.add(table(HourKeys.processed(layout.table(), hour), layout, hour, to, progress));
    }
    for (Layout layout : MetadataLayouts.HOURLY) {
      files.add(table(HourKeys.processed(layout.table(), hour), layout, hour, to, progress));
    }
    files.add(
        new UnitFile(
            HourKeys.processed("orderbook", hour),
            (conn, f) -> OrderbookExport.write(conn, hour, to, lookback, f, progress)));
    if (lastOfDay(hour)) {
      for (Layout layout : MetadataLayouts.DAILY) {
        files.add(table(HourKeys.processedDaily(layout.table(), day), layout, day, next, progress));
      }
    }
    for (String table : AggregateLayouts.TABLES) {
      Layout layout = AggregateLayouts.discover(c, table);
      if (!table.endsWith("_1d")) {
        files.add(table(HourKeys.aggregate(table, hour), layout, hour, to, progress));
      } else if (lastOfDay(hour)) {
        files.add(table(HourKeys.dailyAggregate(table, day), layout, day, next, progress));
      }
    }
    return files;
  }

  private static UnitFile table(
      String key, Layout layout, Instant from, Instant to, ExportProgress progress) {
    return new UnitFile(key, (conn, f) -> TableExport.write(conn, layout, from, to, f, progress));
  }

  /** {@code raw/gatherer=<g>/}: the gatherer's own rows received in the hour, as stored. */
  public List<ExportedFile> exportRaw(
      String gatherer, Connection c, Instant hour, ExportProgress progress)
      throws SQLException, IOException {
    Instant to = hour.plus(1, ChronoUnit.HOURS);
    List<ExportedFile> files = new ArrayList<>();
    inSnapshot(c);
    try {
      for (Layout layout : RawLayouts.ALL) {
        String key = HourKeys.raw(gatherer, layout.table(), hour);
        files.add(upload(key, f -> TableExport.write(c, layout, hour, to, f, progress), progress));
      }
    } finally {
      c.rollback();
    }
    store.putBytes(
        HourKeys.rawManifest(gatherer, hour),
        Manifest.json("raw/gatherer=" + gatherer, hour, files),
        "application/json");
    progress.unitDone();
    return files;
  }

  private static boolean lastOfDay(Instant hour) {
    return hour.atZone(ZoneOffset.UTC).getHour() == 23;
  }

  /**
   * One read-only repeatable-read transaction per unit, so its files agree with each other, with
   * enough sort memory that an hour's ordering stays in memory instead of spilling to disk.
   */
  static void inSnapshot(Connection c) throws SQLException {
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    c.setReadOnly(true);
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL work_mem = '" + SORT_MEMORY + "'");
    }
  }

  /** Writes a file locally, uploads it whole under {@code key}, deletes it, describes it. */
  private ExportedFile upload(String key, FileWriter writer, ExportProgress progress)
      throws SQLException, IOException {
    Files.createDirectories(workDir);
    Path file = Files.createTempFile(workDir, "export-", ".parquet");
    try {
      long rows = writer.write(file);
      ExportedFile exported = new ExportedFile(key, rows, Files.size(file), sha256(file));
      store.putFile(key, file, PARQUET);
      progress.file(exported);
      return exported;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** One file of a unit: its key and how to write it from a connection in the unit's snapshot. */
  record UnitFile(String key, TableWriter writer) {}

  @FunctionalInterface
  interface TableWriter {
    long write(Connection c, Path file) throws SQLException, IOException;
  }

  @FunctionalInterface
  private interface FileWriter {
    long write(Path file) throws SQLException, IOException;
  }
}
