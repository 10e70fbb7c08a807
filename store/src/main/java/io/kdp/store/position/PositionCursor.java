package io.kdp.store.position;

import io.kdp.store.table.PositionedTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * Reads a gatherer table in commit-safe position order, so that a follower (the deduplicator) that
 * remembers the last {@link Position} it consumed never skips a row, however late or out of order
 * the row's transaction committed.
 *
 * <p>Every row stores {@code txid}, the full id of the transaction that inserted it ({@code
 * pg_current_xact_id()}, type {@code xid8}), and {@code pos}, a per-table sequence value. A
 * transaction gets its id at its first write and holds it until it commits or aborts. A read takes
 * {@code horizon = pg_snapshot_xmin(pg_current_snapshot())}: every transaction with an id below it
 * has finished, and only such rows are returned. So no row can ever appear below the horizon later,
 * and a row at or above it (in flight, or committed but after an older transaction still running)
 * is held back until the horizon passes it. Rows are returned ordered by {@code (txid, pos)}; the
 * next read continues strictly after the last one returned. Hence:
 *
 * <ul>
 *   <li>a row committed after a row with a higher {@code pos} or a higher {@code txid} was read is
 *       still read: it was held back while its transaction ran;
 *   <li>a long-running writing transaction on the gatherer delays the cursor (never a skip);
 *   <li>{@code received_at} plays no part: clocks and commit order may disagree.
 * </ul>
 *
 * <p>An update that re-assigns {@code txid} and {@code pos} (closing a gap, a new market state)
 * moves the row to a new position, and the cursor reads it again there.
 *
 * <p>The horizon and the rows come from one statement, so from one snapshot: the horizon is
 * computed once, in a one-row subquery the rows are joined to laterally (an index bound of the
 * scan, not a function evaluated per row), and comes back even when no row does. The statement runs
 * in one {@code REPEATABLE READ READ ONLY} transaction (or the caller's). It needs only {@code
 * SELECT} on the table.
 *
 * <p>The read is an ordered scan of the {@code (txid, pos)} index stopped after {@code limit} rows.
 * On a table or day partition without statistics yet (a new day's partition, a database just
 * filled) the planner would rather sort every row after the cursor for each batch, spilling to
 * disk: reading a backlog in batches then costs the square of its length. So the read disables
 * sorting for its one statement ({@code enable_sort}, restored after; it changes the plan, never
 * the rows).
 *
 * @param <R> the row record
 */
public final class PositionCursor<R> {

  private final PositionedTable<R> table;
  private final String sql;

  public PositionCursor(PositionedTable<R> table) {
    this.table = table;
    this.sql =
        "SELECT h.horizon::text AS horizon, r.* FROM (SELECT"
            + " pg_snapshot_xmin(pg_current_snapshot()) AS horizon OFFSET 0) h LEFT JOIN LATERAL"
            + " (SELECT "
            + String.join(", ", table.readColumns())
            + ", txid::text AS txid_text, pos FROM "
            + table.name()
            + " WHERE (txid, pos) > (?::xid8, ?) AND txid < h.horizon ORDER BY txid, pos LIMIT ?)"
            + " r ON true";
  }

  /** Reads up to {@code limit} rows after {@code after} in a read-only snapshot of its own. */
  public PositionBatch<R> read(DataSource dataSource, Position after, int limit)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      int isolation = c.getTransactionIsolation();
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        PositionBatch<R> batch = read(c, after, limit);
        c.commit();
        return batch;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setReadOnly(false);
        c.setTransactionIsolation(isolation);
        c.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * Reads up to {@code limit} rows after {@code after} on {@code c}, in the caller's transaction
   * (use {@code REPEATABLE READ} to read several tables from one snapshot).
   */
  public PositionBatch<R> read(Connection c, Position after, int limit) throws SQLException {
    List<Positioned<R>> rows = new ArrayList<>(Math.min(limit, 4096));
    Position next = after;
    long horizon;
    String sorting = setLocal(c, "enable_sort", "off");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      // binary results from the first read on (times and numbers neither formatted nor parsed)
      ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
      ps.setString(1, Long.toUnsignedString(after.txid()));
      ps.setLong(2, after.pos());
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next(); // always one row: the horizon, with the table's columns null when none was read
        horizon = Long.parseUnsignedLong(rs.getString("horizon"));
        do {
          String txid = rs.getString("txid_text");
          if (txid == null) {
            break;
          }
          next = new Position(Long.parseUnsignedLong(txid), rs.getLong("pos"));
          rows.add(new Positioned<>(next, table.decode(rs)));
        } while (rs.next());
      }
    }
    setLocal(c, "enable_sort", sorting);
    return new PositionBatch<>(rows, next, horizon);
  }

  /** Sets {@code name} for the rest of the transaction; returns its value before. */
  private static String setLocal(Connection c, String name, String value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT current_setting(?), set_config(?, ?, true)")) {
      ps.setString(1, name);
      ps.setString(2, name);
      ps.setString(3, value);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
