package io.kdp.dedup.production;

import io.kdp.client.ws.message.KalshiWsMessage;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** Column arrays for {@code unnest(...)} inserts: one round trip per batch. */
final class SqlArrays {

  private SqlArrays() {}

  static <R> Array text(Connection c, List<R> rows, Function<R, String> f) throws SQLException {
    return c.createArrayOf("text", rows.stream().map(f).toArray(String[]::new));
  }

  static <R> Array int8(Connection c, List<R> rows, Function<R, Long> f) throws SQLException {
    return c.createArrayOf("bigint", rows.stream().map(f).toArray(Long[]::new));
  }

  static <R> Array int4(Connection c, List<R> rows, Function<R, Integer> f) throws SQLException {
    return c.createArrayOf("integer", rows.stream().map(f).toArray(Integer[]::new));
  }

  static <R> Array bool(Connection c, List<R> rows, Function<R, Boolean> f) throws SQLException {
    return c.createArrayOf("boolean", rows.stream().map(f).toArray(Boolean[]::new));
  }

  /** A µs time, or null for {@link KalshiWsMessage#NO_TIME}. */
  static Long micros(long t) {
    return t == KalshiWsMessage.NO_TIME ? null : t;
  }
}
