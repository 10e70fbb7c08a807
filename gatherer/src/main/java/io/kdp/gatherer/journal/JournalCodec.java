package io.kdp.gatherer.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
    try (JsonParser p = FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new JournalFormatException("not a JSON object: " + abbreviate(line));
      }
      long received = Long.MIN_VALUE;
      String connection = "";
      String frame = null;
      boolean typed = false;
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "received_us" ->
              received = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : received;
          case "connection" -> connection = v == JsonToken.VALUE_STRING ? p.getText() : connection;
          case "frame" -> frame = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "type" -> typed = true;
          default -> {}
        }
        p.skipChildren();
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new JournalFormatException("not one JSON object: " + abbreviate(line));
      }
      if (frame != null && received != Long.MIN_VALUE) {
        return new JournalRecord(received, connection, frame);
      }
      if (typed) {
        return new JournalRecord(0, CAPTURE, line);
      }
      throw new JournalFormatException("neither a journal record nor a frame: " + abbreviate(line));
    } catch (IOException e) {
      throw new JournalFormatException("not JSON: " + abbreviate(line), e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "...";
  }
}
