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
 */
public record Column(String name, ColumnType type, boolean nullable, String unit) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(unit, "unit");
  }

  public static Column required(String name, ColumnType type, String unit) {
    return new Column(name, type, false, unit);
  }

  public static Column optional(String name, ColumnType type, String unit) {
    return new Column(name, type, true, unit);
  }
}
