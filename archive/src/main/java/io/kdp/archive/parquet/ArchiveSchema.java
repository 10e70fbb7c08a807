package io.kdp.archive.parquet;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/** Maps archive {@link Column}s onto a Parquet {@link MessageType}. */
public final class ArchiveSchema {

  private ArchiveSchema() {}

  public static MessageType of(String name, List<Column> columns) {
    List<Type> fields = new ArrayList<>(columns.size());
    for (Column column : columns) {
      fields.add(field(column));
    }
    return new MessageType(name, fields);
  }

  private static Type field(Column c) {
    Repetition repetition = c.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
    return switch (c.type()) {
      case INT64 -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(c.name());
      case INT32 -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(c.name());
      case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(c.name());
      case STRING ->
          Types.primitive(PrimitiveTypeName.BINARY, repetition)
              .as(LogicalTypeAnnotation.stringType())
              .named(c.name());
      case TIMESTAMP_MICROS ->
          Types.primitive(PrimitiveTypeName.INT64, repetition)
              .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS))
              .named(c.name());
      case INT64_LIST ->
          Types.list(repetition).requiredElement(PrimitiveTypeName.INT64).named(c.name());
    };
  }
}
