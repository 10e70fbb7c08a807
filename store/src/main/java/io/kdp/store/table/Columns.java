package io.kdp.store.table;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.store.copy.BinaryCopy;
import io.kdp.store.row.Provenance;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reading and writing the column shapes the tables share. */
final class Columns {

  static final List<String> PROVENANCE = List.of("gatherer", "connection_id", "sid", "seq");

  private Columns() {}

  static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  static void provenance(Provenance p, BinaryCopy out) {
    out.text(p.gatherer());
    out.int8(p.connectionId());
    out.int4(p.sid());
    out.int8(p.seq());
  }

  static Provenance provenance(ResultSet rs) throws SQLException {
    return new Provenance(
        rs.getString("gatherer"), rs.getLong("connection_id"), rs.getInt("sid"), rs.getLong("seq"));
  }

  static void side(Side side, BinaryCopy out) {
    out.text(side == null ? null : side.wire());
  }

  static Side side(ResultSet rs, String column) throws SQLException {
    String s = rs.getString(column);
    return s == null ? null : Side.fromWire(s);
  }

  /** Unix µs of a {@code timestamptz} column, or {@link KalshiWsMessage#NO_TIME} for null. */
  static long micros(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? KalshiWsMessage.NO_TIME : micros(t.toInstant());
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  static long[] longArray(ResultSet rs, String column) throws SQLException {
    Array a = rs.getArray(column);
    Object[] values = (Object[]) a.getArray();
    return Arrays.stream(values).mapToLong(v -> (Long) v).toArray();
  }

  static List<String> textArray(ResultSet rs, String column) throws SQLException {
    Array a = rs.getArray(column);
    return List.of((String[]) a.getArray());
  }
}
