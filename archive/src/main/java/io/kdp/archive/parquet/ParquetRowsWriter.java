package io.kdp.archive.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Writes one archive Parquet file to a local path: zstd, row groups of at most {@link
 * #ROW_GROUP_ROWS} rows, dictionary encoding except for {@link Column#distinct} columns, the schema
 * version and table name in the key-value metadata. The output is a pure function of the rows (same
 * rows, same bytes): parquet-java writes no timestamps, and its {@code created_by} names only the
 * library version ({@code parquet-mr version 1.18.1 ...}).
 */
public final class ParquetRowsWriter implements AutoCloseable {

  public static final int ROW_GROUP_ROWS = 100_000;
  public static final String SCHEMA_VERSION_KEY = "kdp.schema_version";
  public static final String TABLE_KEY = "kdp.table";

  private final ParquetWriter<RowBuffer> writer;
  private final RowBuffer objects;
  private long rows;

  private ParquetRowsWriter(ParquetWriter<RowBuffer> writer, List<Column> columns) {
    this.writer = writer;
    this.objects = new RowBuffer(columns);
  }

  /** Opens a writer that creates (or overwrites) {@code file}. */
  public static ParquetRowsWriter open(
      Path file, String table, int schemaVersion, List<Column> columns) throws IOException {
    Map<String, String> metadata = new TreeMap<>();
    metadata.put(SCHEMA_VERSION_KEY, Integer.toString(schemaVersion));
    metadata.put(TABLE_KEY, table);
    RowWriteSupport support =
        new RowWriteSupport(columns, ArchiveSchema.of(table, columns), metadata);
    Builder builder = new Builder(new LocalOutputFile(file), support);
    for (Column column : columns) {
      if (column.distinct()) {
        builder.withDictionaryEncoding(column.name(), false);
      }
    }
    ParquetWriter<RowBuffer> writer =
        builder
            .withConf(new Configuration(false))
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(CompressionCodecName.ZSTD)
            .withRowGroupRowCountLimit(ROW_GROUP_ROWS)
            .withRowGroupSize(256L * 1024 * 1024)
            .withDictionaryEncoding(true)
            .build();
    return new ParquetRowsWriter(writer, columns);
  }

  /** Writes a row of the {@link ColumnType}'s Java classes (null for null). */
  public void write(Object[] row) throws IOException {
    objects.load(row);
    write(objects);
  }

  /** Writes the buffer's current row (the buffer may be reused once this returns). */
  public void write(RowBuffer row) throws IOException {
    writer.write(row);
    rows++;
  }

  public long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private static final class Builder extends ParquetWriter.Builder<RowBuffer, Builder> {
    private final RowWriteSupport support;

    Builder(OutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<RowBuffer> getWriteSupport(Configuration conf) {
      return support;
    }
  }
}
