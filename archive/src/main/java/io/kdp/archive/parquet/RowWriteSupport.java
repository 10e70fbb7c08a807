package io.kdp.archive.parquet;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes {@link RowBuffer} rows (one value per {@link Column}, in order) straight to Parquet's
 * record consumer, without a boxed value or a {@code String} per field. A null in a required column
 * is a bug in the query and fails the file.
 */
final class RowWriteSupport extends WriteSupport<RowBuffer> {

  private final ColumnType[] types;
  private final String[] names;
  private final boolean[] nullable;
  private final MessageType schema;
  private final Map<String, String> metadata;
  private RecordConsumer out;

  RowWriteSupport(List<Column> columns, MessageType schema, Map<String, String> metadata) {
    this.types = columns.stream().map(Column::type).toArray(ColumnType[]::new);
    this.names = columns.stream().map(Column::name).toArray(String[]::new);
    this.nullable = new boolean[columns.size()];
    for (int i = 0; i < nullable.length; i++) {
      nullable[i] = columns.get(i).nullable();
    }
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
  public void write(RowBuffer row) {
    out.startMessage();
    for (int i = 0; i < types.length; i++) {
      if (row.isNull(i)) {
        if (!nullable[i]) {
          throw new IllegalArgumentException("null in required column " + names[i]);
        }
        continue;
      }
      out.startField(names[i], i);
      switch (types[i]) {
        case INT64, TIMESTAMP_MICROS -> out.addLong(row.longAt(i));
        case INT32 -> out.addInteger((int) row.longAt(i));
        case BOOLEAN -> out.addBoolean(row.longAt(i) != 0);
        case STRING -> out.addBinary(row.binaryAt(i));
        case INT64_LIST -> writeList(row.listAt(i));
      }
      out.endField(names[i], i);
    }
    out.endMessage();
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
