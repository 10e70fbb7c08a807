package io.kdp.archive.layout;

import io.kdp.archive.parquet.Column;
import io.kdp.archive.parquet.ColumnType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aggregates/}: the production candle tables ({@code candles_1m}, {@code candles_1h}, {@code
 * candles_1d}) exported column for column. Their columns are the deduplicator's to define, so the
 * layout is read from the database: each column keeps its name and maps by type (bigint → INT64,
 * integer → INT32, boolean, text → STRING, timestamptz → TIMESTAMP(MICROS, UTC)); the bucket time
 * is the first timestamptz column of the primary key, and rows are ordered by the primary key. A
 * bucket time named {@code end…} (production's {@code end_period_ts}, Kalshi's labelling by the
 * inclusive end of {@code (end - interval, end]}) puts a candle in the hour that contains its
 * period: {@code end} in {@code (hour, hour + 1h]}; otherwise the start is used, in {@code [hour,
 * hour + 1h)}.
 *
 * <p>On TimescaleDB the candles are views over continuous aggregates, which have no primary key:
 * their documented identity {@link #VIEW_KEY} (market, end_period_ts) takes its place.
 */
public final class AggregateLayouts {

  public static final List<String> TABLES = List.of("candles_1m", "candles_1h", "candles_1d");

  /** The key of a candle relation without a primary key (a view): one candle per market and end. */
  public static final List<String> VIEW_KEY = List.of("market", "end_period_ts");

  private AggregateLayouts() {}

  /** The layout of {@code table} as the connected database defines it. */
  public static Layout discover(Connection c, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<Boolean> nullable = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT column_name, data_type, is_nullable = 'YES' FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ?"
                + " ORDER BY ordinal_position")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
          types.add(rs.getString(2));
          nullable.add(rs.getBoolean(3));
        }
      }
    }
    if (names.isEmpty()) {
      throw new SQLException("production has no table " + table);
    }
    List<String> key = primaryKey(c, table);
    if (key.isEmpty() && names.containsAll(VIEW_KEY)) {
      key = VIEW_KEY;
    }
    if (key.isEmpty()) {
      throw new SQLException(
          table + " has no primary key and no " + VIEW_KEY + "; the archive orders rows by it");
    }
    String time =
        key.stream()
            .filter(k -> types.get(names.indexOf(k)).equals("timestamp with time zone"))
            .findFirst()
            .orElseThrow(() -> new SQLException(table + " has no timestamptz in its primary key"));
    boolean endLabelled = time.startsWith("end");
    List<Column> columns = new ArrayList<>();
    List<String> select = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      ColumnType type = map(table, names.get(i), types.get(i));
      columns.add(new Column(names.get(i), type, nullable.get(i), ""));
      select.add(
          type == ColumnType.TIMESTAMP_MICROS
              ? Layout.micros(quote(names.get(i)))
              : quote(names.get(i)));
    }
    String query =
        "SELECT "
            + String.join(", ", select)
            + " FROM "
            + quote(table)
            + " WHERE "
            + quote(time)
            + (endLabelled ? " > ? AND " : " >= ? AND ")
            + quote(time)
            + (endLabelled ? " <= ? ORDER BY " : " < ? ORDER BY ")
            + String.join(", ", key.stream().map(AggregateLayouts::quote).toList());
    return new Layout(table, 1, columns, query);
  }

  private static List<String> primaryKey(Connection c, String table) throws SQLException {
    List<String> key = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT a.attname FROM pg_index i"
                + " JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                + " WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY k.n")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          key.add(rs.getString(1));
        }
      }
    }
    return key;
  }

  private static ColumnType map(String table, String column, String type) throws SQLException {
    return switch (type) {
      case "bigint" -> ColumnType.INT64;
      case "integer", "smallint" -> ColumnType.INT32;
      case "boolean" -> ColumnType.BOOLEAN;
      case "text", "character varying" -> ColumnType.STRING;
      case "timestamp with time zone" -> ColumnType.TIMESTAMP_MICROS;
      default ->
          throw new SQLException(
              table + "." + column + " has type " + type + ", which the archive does not map");
    };
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
