package io.kdp.archive.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The marker an export unit writes last: its files with row counts, sizes and SHA-256. Its presence
 * means every listed object is complete; a run skips units whose manifest exists. Its bytes depend
 * only on the files (no wall-clock time), so a re-export writes the same manifest.
 */
final class Manifest {

  private static final JsonFactory JSON = new JsonFactory();

  private Manifest() {}

  static byte[] json(String unit, Instant hour, List<ExportedFile> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(bytes)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("unit", unit);
      g.writeStringField("hour", hour.toString());
      g.writeArrayFieldStart("files");
      for (ExportedFile f : files) {
        g.writeStartObject();
        g.writeStringField("key", f.key());
        g.writeNumberField("rows", f.rows());
        g.writeNumberField("bytes", f.bytes());
        g.writeStringField("sha256", f.sha256());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
