package io.kdp.archive.parquet;

/**
 * The column types an archive file uses, each with one Parquet physical/logical type and one Java
 * value class in a row ({@code Object[]}):
 *
 * <ul>
 *   <li>{@link #INT64}: Parquet INT64 ({@code Long}); prices in micro-dollars, counts in hundredths
 *       of a contract, ids and sequence numbers — the column's unit says which.
 *   <li>{@link #INT32}: Parquet INT32 ({@code Integer}).
 *   <li>{@link #BOOLEAN}: Parquet BOOLEAN ({@code Boolean}).
 *   <li>{@link #STRING}: Parquet BINARY annotated STRING (UTF-8) ({@code String}).
 *   <li>{@link #TIMESTAMP_MICROS}: INT64 annotated TIMESTAMP(MICROS, isAdjustedToUTC=true) ({@code
 *       Long} microseconds since the epoch).
 *   <li>{@link #INT64_LIST}: a 3-level LIST of required INT64 ({@code long[]}).
 * </ul>
 */
public enum ColumnType {
  INT64,
  INT32,
  BOOLEAN,
  STRING,
  TIMESTAMP_MICROS,
  INT64_LIST
}
