package io.kdp.store.production;

import io.kdp.store.schema.StorageEngines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How production's time-series tables ({@link ProductionStore#TIME_SERIES}) are split by time and
 * how its candles are kept, chosen as the gatherer's {@link StorageEngines} chooses and recorded in
 * {@code storage_engine} so that it never changes under existing data. Each engine's part of the
 * schema is {@code db/production-engine/<name>.sql}, run by migration V2.
 *
 * <ul>
 *   <li>{@link #PARTITIONED}: plain PostgreSQL; range partitions by UTC day on {@code time} plus a
 *       default partition ({@link ProductionStore#ensureDays}), candle rollup tables the
 *       deduplicator recomputes.
 *   <li>{@link #TIMESCALEDB}: hypertables on {@code time} with 1-day chunks, compressed (segmented
 *       by market) after the configured age; candles are continuous aggregates behind {@code
 *       candles_*} views, refreshed by the deduplicator over the windows each merge touched.
 * </ul>
 */
public enum ProductionEngine {
  PARTITIONED("partitioned", "PARTITION BY RANGE (time)"),
  TIMESCALEDB("timescaledb", "");

  private final String id;
  private final String partitionClause;

  ProductionEngine(String id, String partitionClause) {
    this.id = id;
    this.partitionClause = partitionClause;
  }

  /** The name recorded in {@code storage_engine}. */
  public String id() {
    return id;
  }

  /** Appended to each time-series {@code CREATE TABLE} of V1. */
  String partitionClause() {
    return partitionClause;
  }

  /** The engine called {@code id}. */
  public static ProductionEngine of(String id) {
    for (ProductionEngine e : values()) {
      if (e.id.equals(id)) {
        return e;
      }
    }
    throw new IllegalStateException("unknown storage engine recorded: " + id);
  }

  /** The engine a database uses: recorded, else detected (autocommit connection). */
  static ProductionEngine detect(Connection c) throws SQLException {
    return of(StorageEngines.detectName(c));
  }

  /** Runs this engine's schema script, {@code compressAfter} its compression age. */
  void setUp(Connection c, Duration compressAfter) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements(script(), interval(compressAfter))) {
        s.execute(sql);
      }
    }
  }

  private String script() {
    String path = "/db/production-engine/" + id + ".sql";
    try (InputStream in = ProductionEngine.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The script's statements: comment lines dropped, split after each line ending in ';'. */
  static List<String> statements(String script, String compressAfter) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      if (line.startsWith("--") || line.isBlank()) {
        continue;
      }
      current.append(line.replace("${compress_after}", compressAfter)).append('\n');
      if (line.endsWith(";")) {
        out.add(current.toString());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException("statement without a final ';': " + current);
    }
    return out;
  }

  /** An interval literal's text: whole days when it is, else seconds. */
  static String interval(Duration d) {
    long s = d.toSeconds();
    return s % 86_400 == 0 ? s / 86_400 + " days" : s + " seconds";
  }
}
