package io.kdp.archive.parquet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.io.api.Binary;

/**
 * One row on its way to Parquet, reused from row to row so that writing allocates nothing per
 * value: integers, booleans and timestamps as {@code long}s, text as UTF-8 bytes in one shared
 * array (handed to Parquet as a reused {@link Binary}, which copies what it keeps), lists as {@code
 * long[]}. A decoder fills it column by column after {@link #clear}; a column never set is null.
 */
public final class RowBuffer {

  private final ColumnType[] types;
  private final boolean[] present;
  private final long[] longs;
  private final long[][] lists;
  private final int[] textStart;
  private final int[] textLength;
  private byte[] text = new byte[1024];
  private int textUsed;

  public RowBuffer(List<Column> columns) {
    int n = columns.size();
    types = new ColumnType[n];
    for (int i = 0; i < n; i++) {
      types[i] = columns.get(i).type();
    }
    present = new boolean[n];
    longs = new long[n];
    lists = new long[n][];
    textStart = new int[n];
    textLength = new int[n];
  }

  public int columns() {
    return types.length;
  }

  /** Every column null again, the text space free. */
  public void clear() {
    Arrays.fill(present, false);
    textUsed = 0;
  }

  /** An INT64, INT32 or TIMESTAMP_MICROS value; for INT32 it must fit an {@code int}. */
  public void setLong(int column, long value) {
    if (types[column] == ColumnType.INT32) {
      Math.toIntExact(value);
    }
    longs[column] = value;
    present[column] = true;
  }

  public void setBoolean(int column, boolean value) {
    longs[column] = value ? 1 : 0;
    present[column] = true;
  }

  public void setList(int column, long[] values) {
    lists[column] = values;
    present[column] = true;
  }

  public void setText(int column, String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(utf8, 0, reserveText(column, utf8.length), textStart[column], utf8.length);
  }

  /**
   * Makes column's value {@code length} bytes of UTF-8 text and returns the array they are to be
   * written to, at {@link #textOffset(int)}.
   */
  public byte[] reserveText(int column, int length) {
    if (text.length - textUsed < length) {
      text = Arrays.copyOf(text, Math.max(text.length * 2, textUsed + length));
    }
    textStart[column] = textUsed;
    textLength[column] = length;
    textUsed += length;
    present[column] = true;
    return text;
  }

  public int textOffset(int column) {
    return textStart[column];
  }

  /** Sets every column from a row of the {@link ColumnType}'s Java classes (null for null). */
  public void load(Object[] row) {
    clear();
    for (int i = 0; i < types.length; i++) {
      Object v = row[i];
      if (v == null) {
        continue;
      }
      switch (types[i]) {
        case INT64, TIMESTAMP_MICROS -> setLong(i, (Long) v);
        case INT32 -> setLong(i, (Integer) v);
        case BOOLEAN -> setBoolean(i, (Boolean) v);
        case STRING -> setText(i, (String) v);
        case INT64_LIST -> setList(i, (long[]) v);
      }
    }
  }

  /** The row as the {@link ColumnType}'s Java classes, null for null. */
  public Object[] toObjects() {
    Object[] row = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      if (present[i]) {
        row[i] =
            switch (types[i]) {
              case INT64, TIMESTAMP_MICROS -> longs[i];
              case INT32 -> (int) longs[i];
              case BOOLEAN -> longs[i] != 0;
              case STRING -> text(i);
              case INT64_LIST -> lists[i];
            };
      }
    }
    return row;
  }

  public boolean isNull(int column) {
    return !present[column];
  }

  public String text(int column) {
    return new String(text, textStart[column], textLength[column], StandardCharsets.UTF_8);
  }

  /** Whether the column's text is exactly {@code utf8}. */
  public boolean textEquals(int column, byte[] utf8) {
    int start = textStart[column];
    return Arrays.equals(text, start, start + textLength[column], utf8, 0, utf8.length);
  }

  /** A copy of the column's UTF-8 bytes. */
  public byte[] textBytes(int column) {
    int start = textStart[column];
    return Arrays.copyOfRange(text, start, start + textLength[column]);
  }

  long longAt(int column) {
    return longs[column];
  }

  long[] listAt(int column) {
    return lists[column];
  }

  Binary binaryAt(int column) {
    return Binary.fromReusedByteArray(text, textStart[column], textLength[column]);
  }
}
