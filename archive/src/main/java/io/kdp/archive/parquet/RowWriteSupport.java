package io.kdp.archive.parquet;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows held as {@code Object[]} (one value per {@link Column}, in order, of the Java class
 * {@link ColumnType} names) straight to Parquet's record consumer. A null in a required column is a
 * bug in the query and fails the file.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {

  private final List<Column> columns;
  private final MessageType schema;
  private final Map<String, String> metadata;
  private RecordConsumer out;

  RowWriteSupport(List<Column> columns, MessageType schema, Map<String, String> metadata) {
    this.columns = List.copyOf(columns);
    this.schema = schema;
    this.metadata = Map.copyOf(metadata);
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(schema, metadata);
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(Object[] row) {
    out.startMessage();
    for (int i = 0; i < columns.size(); i++) {
      Object value = row[i];
      Column column = columns.get(i);
      if (value == null) {
        if (!column.nullable()) {
          throw new IllegalArgumentException("null in required column " + column.name());
        }
        continue;
      }
      out.startField(column.name(), i);
      writeValue(column.type(), value);
      out.endField(column.name(), i);
    }
    out.endMessage();
  }

  private void writeValue(ColumnType type, Object value) {
    switch (type) {
      case INT64, TIMESTAMP_MICROS -> out.addLong((Long) value);
      case INT32 -> out.addInteger((Integer) value);
      case BOOLEAN -> out.addBoolean((Boolean) value);
      case STRING -> out.addBinary(Binary.fromString((String) value));
      case INT64_LIST -> writeList((long[]) value);
    }
  }

  private void writeList(long[] values) {
    out.startGroup();
    if (values.length > 0) {
      out.startField("list", 0);
      for (long v : values) {
        out.startGroup();
        out.startField("element", 0);
        out.addLong(v);
        out.endField("element", 0);
        out.endGroup();
      }
      out.endField("list", 0);
    }
    out.endGroup();
  }
}
