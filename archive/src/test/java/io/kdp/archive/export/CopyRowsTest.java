package io.kdp.archive.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.archive.parquet.Column;
import io.kdp.archive.parquet.ColumnType;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The binary COPY decoder gives, value for value, what the JDBC path gives for the same query:
 * every PostgreSQL type it claims, nulls, numerics that are whole numbers, empty and long arrays,
 * multi-byte text and a value longer than its buffer.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CopyRowsTest {

  private static final Instant FROM = Instant.parse("2026-11-20T14:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-20T15:00:00Z");

  private static final String QUERY =
      "SELECT i8, i4, i2, n, b, t, j, ts, a8, a4 FROM (VALUES"
          + " (9223372036854775807::int8, 2147483647::int4, (-32768)::int2,"
          + "  123456789012345678::numeric, true, 'zürich €'::text, '{\"a\": [1, 2]}'::jsonb,"
          + "  timestamptz '2026-11-20T14:00:00.000001Z', ARRAY[1, -2, 3]::int8[],"
          + "  ARRAY[7]::int4[]),"
          + " (-1, 0, 0, (-10000)::numeric, false, repeat('x', 70000), '[]'::jsonb,"
          + "  timestamptz '1999-12-31T23:59:59.999999Z', ARRAY[]::int8[], ARRAY[]::int4[]),"
          + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
          + " (0, 1, 1, 0.000::numeric, true, '', 'null'::jsonb, ?, ARRAY[0]::int8[],"
          + "  ARRAY[-1, 1]::int4[]))"
          + " v(i8, i4, i2, n, b, t, j, ts, a8, a4) WHERE ? > timestamptz '2000-01-01'";

  private static final List<Column> COLUMNS =
      List.of(
          new Column("i8", ColumnType.INT64, true, ""),
          new Column("i4", ColumnType.INT32, true, ""),
          new Column("i2", ColumnType.INT64, true, ""),
          new Column("n", ColumnType.INT64, true, ""),
          new Column("b", ColumnType.BOOLEAN, true, ""),
          new Column("t", ColumnType.STRING, true, ""),
          new Column("j", ColumnType.STRING, true, ""),
          new Column("ts", ColumnType.TIMESTAMP_MICROS, true, ""),
          new Column("a8", ColumnType.INT64_LIST, true, ""),
          new Column("a4", ColumnType.INT64_LIST, true, ""));

  @Test
  void copyDecodesEveryTypeAsTheResultSetPathReadsIt() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (Connection c = db.connect()) {
      List<String> copied;
      try (RowCursor copy = RowCursor.open(c, QUERY, FROM, TO, COLUMNS)) {
        assertThat(copy).isInstanceOf(CopyRows.class);
        copied = drain(copy);
      }
      List<String> jdbc = drain(RowCursor.jdbc(c, QUERY, FROM, TO, COLUMNS));
      assertThat(copied).hasSize(4).isEqualTo(jdbc);
      assertThat(copied.get(0))
          .isEqualTo(
              "[9223372036854775807, 2147483647, -32768, 123456789012345678, true, zürich €,"
                  + " {\"a\": [1, 2]}, "
                  + (FROM.getEpochSecond() * 1_000_000 + 1)
                  + ", [1, -2, 3], [7]]");
      assertThat(copied.get(2))
          .isEqualTo("[null, null, null, null, null, null, null, null, null, null]");
      assertThat(copied.get(3)).contains(", " + (FROM.getEpochSecond() * 1_000_000) + ", ");
      // the connection is usable after a COPY read to its end
      assertThat(drain(RowCursor.open(c, QUERY, FROM, TO, COLUMNS))).isEqualTo(copied);
    }
  }

  @Test
  void aNumericWithAFractionIsRefused() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (Connection c = db.connect();
        RowCursor copy =
            RowCursor.open(
                c,
                "SELECT 1.5::numeric AS n",
                FROM,
                TO,
                List.of(new Column("n", ColumnType.INT64, true, "")))) {
      assertThatThrownBy(copy::next)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("fraction");
    }
  }

  @Test
  void rangeBoundsAreInlinedAlternatelyAsTimestamptzLiterals() {
    assertThat(CopyRows.inline("a >= ? AND a < ? OR b >= ? AND b < ?", FROM, TO))
        .isEqualTo(
            "a >= '2026-11-20T14:00:00Z'::timestamptz AND a < '2026-11-20T15:00:00Z'::timestamptz"
                + " OR b >= '2026-11-20T14:00:00Z'::timestamptz AND b <"
                + " '2026-11-20T15:00:00Z'::timestamptz");
  }

  private static List<String> drain(RowCursor cursor) throws Exception {
    List<String> rows = new ArrayList<>();
    try (cursor) {
      for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
        List<String> values = new ArrayList<>();
        for (Object v : row) {
          values.add(v instanceof long[] a ? Arrays.toString(a) : String.valueOf(v));
        }
        rows.add(values.toString());
      }
    }
    return rows;
  }
}
