package io.kdp.store.writer;

import io.kdp.store.row.TradeRow;
import io.kdp.store.table.Tables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes trades once per gatherer and {@code trade_id}: the WebSocket feed and REST back-fills
 * overlap by design, so a repeated trade is expected and must neither fail the batch nor be stored
 * twice. The batch is copied (binary) into a session-local staging table, then one statement claims
 * each new {@code (gatherer, trade_id)} in {@code trade_ids} ({@code ON CONFLICT DO NOTHING}) and
 * inserts exactly the claimed trades. Any other error fails the whole batch.
 *
 * <p>A concurrent writer of the same trade waits on the {@code trade_ids} key until the first one
 * commits or aborts, so exactly one of them stores it.
 */
public final class TradeWriter {

  private static final String STAGING = "trades_staging";
  private static final String COLUMNS = String.join(", ", Tables.TRADES.copyColumns());
  private static final String CREATE_STAGING =
      "CREATE TEMP TABLE IF NOT EXISTS "
          + STAGING
          + " AS SELECT "
          + COLUMNS
          + " FROM trades WITH NO DATA";
  private static final String MERGE =
      "WITH fresh AS (INSERT INTO trade_ids (gatherer, trade_id, received_at)"
          + " SELECT gatherer, trade_id, received_at FROM "
          + STAGING
          + " ON CONFLICT DO NOTHING RETURNING gatherer, trade_id)"
          + " INSERT INTO trades ("
          + COLUMNS
          + ") SELECT "
          + prefixed("s.")
          + " FROM "
          + STAGING
          + " s JOIN fresh f ON f.gatherer = s.gatherer AND f.trade_id = s.trade_id"
          + " ORDER BY s.received_at";

  /** Writes {@code rows} on {@code c} (not committed). */
  public TradeWriteResult write(Connection c, List<TradeRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return new TradeWriteResult(0, 0);
    }
    List<TradeRow> distinct = firstOfEachTrade(rows);
    try (Statement s = c.createStatement()) {
      s.execute(CREATE_STAGING);
      s.execute("TRUNCATE " + STAGING);
      CopyWriter.copy(c, Tables.TRADES, STAGING, distinct);
      int inserted = s.executeUpdate(MERGE);
      s.execute("TRUNCATE " + STAGING);
      return new TradeWriteResult(inserted, rows.size() - inserted);
    }
  }

  /** The number of trades stored for {@code gatherer}. */
  public static long count(Connection c, String gatherer) throws SQLException {
    try (var ps = c.prepareStatement("SELECT count(*) FROM trade_ids WHERE gatherer = ?")) {
      ps.setString(1, gatherer);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<TradeRow> firstOfEachTrade(List<TradeRow> rows) {
    Set<String> seen = new HashSet<>();
    List<TradeRow> distinct = new ArrayList<>(rows.size());
    for (TradeRow r : rows) {
      if (seen.add(r.provenance().gatherer() + '\u0000' + r.tradeId())) {
        distinct.add(r);
      }
    }
    return distinct;
  }

  private static String prefixed(String prefix) {
    return String.join(
        ", ", Tables.TRADES.copyColumns().stream().map(col -> prefix + col).toList());
  }
}
