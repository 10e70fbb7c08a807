package io.kdp.dedup.production;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * How the bulk of merged rows reaches production. {@link #COPY}: a binary {@code COPY} straight
 * into the table under a savepoint, and only when a row is already there (a re-run cycle) a {@code
 * COPY} into a session temp table, then one {@code INSERT ... SELECT ... ON CONFLICT} from it (the
 * staged way was about a third faster than arrays measured here; the straight COPY takes about 45%
 * less server CPU than the staged way; the same statements work on a TimescaleDB hypertable).
 * {@link #ARRAYS}: one {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT}, for a server that
 * cannot {@code COPY}. Both give the same rows.
 */
public enum BulkLoad {
  COPY,
  ARRAYS,
  /** {@link #COPY}, except on the one server known not to take it: see {@link #detect}. */
  AUTO;

  /**
   * {@link #ARRAYS} for the WASM TimescaleDB build the TimescaleDB SQL is tested against (PGlite:
   * {@code COPY FROM STDIN} hangs there; its {@code version()} names Emscripten), else {@link
   * #COPY}.
   */
  static BulkLoad detect(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version()")) {
      rs.next();
      return rs.getString(1).toLowerCase(Locale.ROOT).contains("emscripten") ? ARRAYS : COPY;
    }
  }
}
