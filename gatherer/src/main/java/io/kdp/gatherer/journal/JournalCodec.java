package io.kdp.gatherer.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The journal's line format: one JSON object per line with {@code received_us}, {@code connection}
 * and {@code frame}. Reading also accepts a bare Kalshi frame per line (a capture made elsewhere),
 * which becomes a record with receive time 0 on connection {@code "capture"}.
 */
public final class JournalCodec {

  /** Connection name given to bare frames read from a capture. */
  public static final String CAPTURE = "capture";

  private static final JsonFactory FACTORY = KalshiJson.mapper().getFactory();

  private JournalCodec() {}

  /** A generator for writing records to {@code out}; closing it does not close {@code out}. */
  static JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return g;
  }

  /** Writes one record and its line break. */
  static void write(JsonGenerator g, JournalRecord r) throws IOException {
    g.writeStartObject();
    g.writeNumberField("received_us", r.receivedMicros());
    g.writeStringField("connection", r.connection());
    g.writeStringField("frame", r.frame());
    g.writeEndObject();
    g.writeRaw('\n');
  }

  /**
   * Parses one line.
   *
   * @throws JournalFormatException if the line is neither a journal record nor a JSON object frame
   */
  public static JournalRecord parse(String line) {
    JsonNode node;
    try {
      node = KalshiJson.mapper().readTree(line);
    } catch (IOException e) {
      throw new JournalFormatException("not JSON: " + abbreviate(line), e);
    }
    if (node == null || !node.isObject()) {
      throw new JournalFormatException("not a JSON object: " + abbreviate(line));
    }
    JsonNode frame = node.get("frame");
    JsonNode received = node.get("received_us");
    if (frame != null && frame.isTextual() && received != null && received.canConvertToLong()) {
      JsonNode connection = node.get("connection");
      return new JournalRecord(
          received.asLong(), connection == null ? "" : connection.asText(), frame.asText());
    }
    if (node.has("type")) {
      return new JournalRecord(0, CAPTURE, line);
    }
    throw new JournalFormatException("neither a journal record nor a frame: " + abbreviate(line));
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "...";
  }
}
