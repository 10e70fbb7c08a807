package io.kdp.archive.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reused row gives back what was put in it, column by column, however long its text, and forgets
 * everything at {@link RowBuffer#clear}.
 */
class RowBufferTest {

  private static final List<Column> COLUMNS =
      List.of(
          Column.required("id", ColumnType.INT64, ""),
          Column.optional("sid", ColumnType.INT32, ""),
          Column.optional("flag", ColumnType.BOOLEAN, ""),
          Column.optional("market", ColumnType.STRING, ""),
          Column.optional("time", ColumnType.TIMESTAMP_MICROS, ""),
          Column.optional("levels", ColumnType.INT64_LIST, ""),
          Column.optional("note", ColumnType.STRING, ""));

  @Test
  void objectsLoadedComeBackAsTheyWere() {
    RowBuffer row = new RowBuffer(COLUMNS);
    String longText = "€".repeat(2000);
    Object[] values = {
      7L, 3, true, "KXBENCH-T1", 1_763_647_200_000_001L, new long[] {1, 2}, longText
    };
    row.load(values);
    assertThat(describe(row.toObjects())).isEqualTo(describe(values));
    assertThat(row.textEquals(3, "KXBENCH-T1".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(row.textEquals(3, "KXBENCH-T10".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(row.textBytes(6)).isEqualTo(longText.getBytes(StandardCharsets.UTF_8));

    row.load(new Object[] {8L, null, null, "", null, new long[0], null});
    assertThat(describe(row.toObjects()))
        .isEqualTo(describe(new Object[] {8L, null, null, "", null, new long[0], null}));
  }

  @Test
  void clearLeavesEveryColumnNull() {
    RowBuffer row = new RowBuffer(COLUMNS);
    row.setLong(0, 1);
    row.setText(3, "a");
    row.clear();
    assertThat(row.toObjects()).containsOnlyNulls();
  }

  @Test
  void anInt32ColumnRefusesALongThatDoesNotFit() {
    RowBuffer row = new RowBuffer(COLUMNS);
    assertThatThrownBy(() -> row.setLong(1, 1L << 31)).isInstanceOf(ArithmeticException.class);
  }

  private static String describe(Object[] row) {
    return Arrays.deepToString(
        Arrays.stream(row).map(v -> v instanceof long[] a ? Arrays.toString(a) : v).toArray());
  }
}
