package io.kdp.archive.parquet;

import java.util.Objects;

/**
 * One column of an archive file.
 *
 * @param name the column name, as in the database
 * @param type the column's type
 * @param nullable whether a row may hold null here (Parquet OPTIONAL, else REQUIRED)
 * @param unit the unit of the values, for the layout docs ("micro-dollars", "hundredths of a
 *     contract", "µs since epoch, UTC", or "" when the value has none)
 * @param distinct whether every row holds its own value (an id, a content hash): such a column is
 *     written without a dictionary, which Parquet would otherwise build over each row group's first
 *     page only to drop it there as no smaller than the plain values (the file's bytes are the
 *     same)
 */
public record Column(
    String name, ColumnType type, boolean nullable, String unit, boolean distinct) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(unit, "unit");
  }

  public Column(String name, ColumnType type, boolean nullable, String unit) {
    this(name, type, nullable, unit, false);
  }

  /** This column, marked as holding a distinct value in every row. */
  public Column distinctValues() {
    return new Column(name, type, nullable, unit, true);
  }

  public static Column required(String name, ColumnType type, String unit) {
    return new Column(name, type, false, unit);
  }

  public static Column optional(String name, ColumnType type, String unit) {
    return new Column(name, type, true, unit);
  }
}
