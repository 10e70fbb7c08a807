package io.kdp.archive.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.archive.parquet.Column;
import io.kdp.archive.parquet.ColumnType;
import io.kdp.archive.parquet.RowBuffer;
import io.kdp.testkit.SharedPostgres;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which reader a query gets, and that both fill a {@link RowBuffer} with the same row. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RowCursorTest {

  private static final Instant FROM = Instant.parse("2026-11-20T14:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-20T15:00:00Z");
  private static final String QUERY = "SELECT 'x'::text AS t, 5::int8 AS n WHERE ? < ?";

  @Test
  void aColumnTheCopyDecoderCannotTurnIntoItsTypeIsReadThroughTheResultSet() throws Exception {
    List<Column> asText =
        List.of(
            Column.required("t", ColumnType.STRING, ""),
            Column.required("n", ColumnType.STRING, ""));
    List<Column> asLong =
        List.of(
            Column.required("t", ColumnType.STRING, ""),
            Column.required("n", ColumnType.INT64, ""));
    try (Connection c = SharedPostgres.createDatabase().connect()) {
      try (RowCursor rows = RowCursor.open(c, QUERY, FROM, TO, asText)) {
        assertThat(rows).isNotInstanceOf(CopyRows.class);
        assertThat(drain(rows, asText)).isEqualTo(List.of("[x, 5]"));
      }
      try (RowCursor rows = RowCursor.open(c, QUERY, FROM, TO, asLong)) {
        assertThat(rows).isInstanceOf(CopyRows.class);
        assertThat(drain(rows, asLong)).isEqualTo(List.of("[x, 5]"));
      }
    }
  }

  private static List<String> drain(RowCursor cursor, List<Column> columns) throws Exception {
    RowBuffer row = new RowBuffer(columns);
    List<String> rows = new ArrayList<>();
    while (cursor.next(row)) {
      rows.add(Arrays.toString(row.toObjects()));
    }
    return rows;
  }
}
