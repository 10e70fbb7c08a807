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

  /**
   * @param workDir where files are written before upload (deleted after)
   * @param lookback how far before an hour to look for the snapshot its orderbook file starts from
   */
  public HourExporter(ObjectStore store, Path workDir, Duration lookback) {
    this.store = store;
    this.workDir = workDir;
    this.lookback = lookback;
  }

  /**
   * {@code processed/} trades, tickers, coverage, orderbook, and {@code aggregates/} for the hour;
   * with hour 23 also the day's metadata ({@link MetadataLayouts#DAILY}) and daily candles.
   */
  public List<ExportedFile> exportProcessed(Connection c, Instant hour, ExportProgress progress)
      throws SQLException, IOException {
    Instant to = hour.plus(1, ChronoUnit.HOURS);
    List<ExportedFile> files = new ArrayList<>();
    inSnapshot(c);
    try {
      for (Layout layout : ProcessedLayouts.FLAT) {
        String key = HourKeys.processed(layout.table(), hour);
        files.add(upload(key, f -> TableExport.write(c, layout, hour, to, f, progress), progress));
      }
      for (Layout layout : MetadataLayouts.HOURLY) {
        String key = HourKeys.processed(layout.table(), hour);
        files.add(upload(key, f -> TableExport.write(c, layout, hour, to, f, progress), progress));
      }
      String book = HourKeys.processed("orderbook", hour);
      files.add(
          upload(book, f -> OrderbookExport.write(c, hour, to, lookback, f, progress), progress));
      if (lastOfDay(hour)) {
        Instant day = hour.truncatedTo(ChronoUnit.DAYS);
        Instant next = day.plus(1, ChronoUnit.DAYS);
        for (Layout layout : MetadataLayouts.DAILY) {
          String key = HourKeys.processedDaily(layout.table(), day);
          files.add(
              upload(key, f -> TableExport.write(c, layout, day, next, f, progress), progress));
        }
      }
      for (String table : AggregateLayouts.TABLES) {
        Layout layout = AggregateLayouts.discover(c, table);
        if (table.endsWith("_1d")) {
          if (lastOfDay(hour)) {
            Instant day = hour.truncatedTo(ChronoUnit.DAYS);
            String key = HourKeys.dailyAggregate(table, day);
            Instant next = day.plus(1, ChronoUnit.DAYS);
            files.add(
                upload(key, f -> TableExport.write(c, layout, day, next, f, progress), progress));
          }
        } else {
          String key = HourKeys.aggregate(table, hour);
          files.add(
              upload(key, f -> TableExport.write(c, layout, hour, to, f, progress), progress));
        }
      }
    } finally {
      c.rollback();
    }
    store.putBytes(
        HourKeys.processedManifest(hour),
        Manifest.json("processed", hour, files),
        "application/json");
    progress.unitDone();
    return files;
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
  private static void inSnapshot(Connection c) throws SQLException {
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

  @FunctionalInterface
  private interface FileWriter {
    long write(Path file) throws SQLException, IOException;
  }
}
