package io.kdp.store.writer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.postgresql.util.PGobject;

/**
 * The set-based upsert behind {@link MetadataWriter}: the batch (last state per key) is inserted
 * into a session-local staging table shaped like the target, then merged with one statement that
 * only touches rows whose content changed.
 *
 * @param table the target table
 * @param key its primary-key column
 * @param columns the columns taken from the row ({@code key} first); {@code updated_at} and {@code
 *     gatherer} are added by the merge
 */
record MetadataUpsert<R>(
    String table, String key, List<String> columns, Function<R, Object[]> values) {

  String staging() {
    return table + "_staging";
  }

  /** Stages {@code rows} (the last row per key wins); returns how many distinct keys. */
  int stage(Connection c, List<R> rows) throws SQLException {
    Map<Object, Object[]> last = new LinkedHashMap<>();
    for (R row : rows) {
      Object[] v = values.apply(row);
      last.remove(v[0]);
      last.put(v[0], v);
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE IF NOT EXISTS "
              + staging()
              + " AS SELECT "
              + String.join(", ", columns)
              + " FROM "
              + table
              + " WITH NO DATA");
      s.execute("TRUNCATE " + staging());
    }
    String marks = String.join(", ", columns.stream().map(col -> "?").toList());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + staging()
                + " ("
                + String.join(", ", columns)
                + ") VALUES ("
                + marks
                + ")")) {
      for (Object[] v : last.values()) {
        for (int i = 0; i < v.length; i++) {
          ps.setObject(i + 1, jdbc(v[i]));
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return last.size();
  }

  /**
   * {@code INSERT ... SELECT FROM staging ON CONFLICT DO UPDATE ... WHERE changed AND guard
   * RETURNING key, returning...}; an empty guard means none.
   */
  String merge(String guard, String... returning) {
    String cols = String.join(", ", columns);
    List<String> nonKey = columns.subList(1, columns.size());
    String set = String.join(", ", nonKey.stream().map(col -> col + " = EXCLUDED." + col).toList());
    String mine = String.join(", ", nonKey.stream().map(col -> table + "." + col).toList());
    String theirs = String.join(", ", nonKey.stream().map(col -> "EXCLUDED." + col).toList());
    return "INSERT INTO "
        + table
        + " ("
        + cols
        + ", updated_at, gatherer) SELECT "
        + cols
        + ", ?, ? FROM "
        + staging()
        + " ON CONFLICT ("
        + key
        + ") DO UPDATE SET "
        + set
        + ", updated_at = EXCLUDED.updated_at, gatherer = EXCLUDED.gatherer,"
        + " txid = pg_current_xact_id(), pos = nextval('"
        + table
        + "_pos_seq') WHERE ("
        + mine
        + ") IS DISTINCT FROM ("
        + theirs
        + ")"
        + (guard.isEmpty() ? "" : " AND " + guard)
        + " RETURNING "
        + String.join(", ", Stream.concat(Stream.of(key), Stream.of(returning)).toList());
  }

  void clear(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("TRUNCATE " + staging());
    }
  }

  static Object jdbc(Object v) throws SQLException {
    return switch (v) {
      case null -> null;
      case Instant t -> Timestamps.offsetDateTime(t);
      case JsonNode j -> jsonb(j);
      default -> v;
    };
  }

  static PGobject jsonb(JsonNode j) throws SQLException {
    PGobject o = new PGobject();
    o.setType("jsonb");
    try {
      o.setValue(KalshiJson.mapper().writeValueAsString(j));
    } catch (JsonProcessingException e) {
      throw new SQLException("JSON not serializable", e);
    }
    return o;
  }
}
