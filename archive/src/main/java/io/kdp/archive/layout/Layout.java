package io.kdp.archive.layout;

import io.kdp.archive.parquet.Column;
import io.kdp.archive.parquet.ColumnType;
import java.util.List;
import java.util.Objects;

/**
 * One archived table: its columns and the query that reads one time range of it from the database,
 * in a total order (so the same range always gives the same file).
 *
 * @param table the table name in the key ({@code table=<table>})
 * @param schemaVersion written to each file's key-value metadata; bumped on any column change
 * @param columns the file's columns, in the query's select order
 * @param query SQL whose {@code ?} parameters are all range bounds, alternating start (inclusive)
 *     and end (exclusive) as timestamptz; timestamp columns are selected as µs since the epoch
 */
public record Layout(String table, int schemaVersion, List<Column> columns, String query) {

  public Layout {
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
    Objects.requireNonNull(query, "query");
  }

  /** The number of {@code ?} range parameters in {@link #query} (pairs of start, end). */
  public int rangeParameters() {
    return (int) query.chars().filter(c -> c == '?').count();
  }

  /**
   * SQL selecting timestamptz {@code column} for a {@link ColumnType#TIMESTAMP_MICROS} column: the
   * value itself, which pgjdbc receives in binary (µs since 2000-01-01) and the exporter turns into
   * µs since the epoch without any arithmetic on the server.
   */
  public static String micros(String column) {
    return column;
  }

  static Column ts(String name, boolean nullable) {
    return new Column(name, ColumnType.TIMESTAMP_MICROS, nullable, "µs since epoch, UTC");
  }

  static Column dollars(String name) {
    return Column.required(name, ColumnType.INT64, "micro-dollars (1/1,000,000 $)");
  }

  static Column contracts(String name) {
    return Column.required(name, ColumnType.INT64, "hundredths of a contract");
  }

  static Column text(String name, boolean nullable) {
    return new Column(name, ColumnType.STRING, nullable, "");
  }

  static Column int64(String name) {
    return Column.required(name, ColumnType.INT64, "");
  }

  static Column int32(String name) {
    return Column.required(name, ColumnType.INT32, "");
  }
}
