package io.kdp.dedup.sync;

import io.kdp.store.position.DatabaseIdentity;
import io.kdp.store.position.Position;
import io.kdp.store.position.PositionBatch;
import io.kdp.store.position.PositionCursor;
import io.kdp.store.table.MetadataTables;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.ConnectionWatermarks;
import io.kdp.store.writer.StreamWatermarks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * One gatherer's databases, read through the read-only role: every followed table after its cursor,
 * the time series, the gatherer's stream and connection watermarks and the database's identity from
 * one {@code REPEATABLE READ READ ONLY} snapshot, the metadata (with its identity) from another.
 *
 * <p>Cursors are positions in one particular database. When a database turns out not to be the one
 * its cursors were saved against ({@link DatabaseIdentity#continues}: another database id or system
 * id, or a saved position the database has not reached), its tables are read from the beginning and
 * the batch says so ({@link GathererBatch#replaced()}).
 */
public final class GathererSource {

  private final String gatherer;
  private final DataSource timeseries;
  private final DataSource metadata;
  private final Map<SyncTable, PositionCursor<?>> cursors = new EnumMap<>(SyncTable.class);

  public GathererSource(String gatherer, DataSource timeseries, DataSource metadata) {
    this.gatherer = gatherer;
    this.timeseries = timeseries;
    this.metadata = metadata;
    cursors.put(SyncTable.TRADES, new PositionCursor<>(Tables.TRADES));
    cursors.put(SyncTable.TICKERS, new PositionCursor<>(Tables.TICKERS));
    cursors.put(SyncTable.ORDERBOOK_SNAPSHOTS, new PositionCursor<>(Tables.SNAPSHOTS));
    cursors.put(SyncTable.ORDERBOOK_DELTAS, new PositionCursor<>(Tables.DELTAS));
    cursors.put(SyncTable.SEQUENCE_GAPS, new PositionCursor<>(Tables.SEQUENCE_GAPS));
    for (SyncTable t : SyncTable.values()) {
      if (t.metadata()) {
        cursors.put(t, new PositionCursor<>(MetadataTables.json(t.tableName())));
      }
    }
  }

  public String gatherer() {
    return gatherer;
  }

  /**
   * Reads up to {@code limit} rows of every table after {@code after} (absent: from the start).
   *
   * @param saved per source ({@link SyncTable#source()}), the identity {@code after} was saved
   *     against (absent: none saved yet)
   */
  public GathererBatch read(
      Map<SyncTable, Position> after, Map<String, SyncSources.Saved> saved, int limit)
      throws SQLException {
    Read r = new Read();
    try (Connection c = readOnly(timeseries)) {
      r.source(c, "timeseries", after, saved, limit);
      r.watermark = StreamWatermarks.read(c, gatherer);
      r.connections = ConnectionWatermarks.read(c, gatherer);
      c.commit();
    }
    try (Connection c = readOnly(metadata)) {
      r.source(c, "metadata", after, saved, limit);
      c.commit();
    }
    return new GathererBatch(
        gatherer,
        r.cast(SyncTable.TRADES),
        r.cast(SyncTable.TICKERS),
        r.cast(SyncTable.ORDERBOOK_SNAPSHOTS),
        r.cast(SyncTable.ORDERBOOK_DELTAS),
        r.cast(SyncTable.SEQUENCE_GAPS),
        Map.of(
            SyncTable.SERIES, r.cast(SyncTable.SERIES),
            SyncTable.EVENTS, r.cast(SyncTable.EVENTS),
            SyncTable.MARKETS, r.cast(SyncTable.MARKETS),
            SyncTable.MARKET_STATUS_CHANGES, r.cast(SyncTable.MARKET_STATUS_CHANGES)),
        r.next,
        r.behind,
        r.watermark,
        r.connections,
        r.identities,
        r.replaced);
  }

  /** What one read collects. */
  private final class Read {
    final Map<SyncTable, List<?>> rows = new EnumMap<>(SyncTable.class);
    final Map<SyncTable, Position> next = new EnumMap<>(SyncTable.class);
    final Set<SyncTable> behind = EnumSet.noneOf(SyncTable.class);
    final Map<String, io.kdp.store.position.DatabaseIdentity> identities = new HashMap<>();
    final Set<String> replaced = new HashSet<>();
    long watermark;
    Map<Long, ConnectionWatermarks.Mark> connections;

    void source(
        Connection c,
        String source,
        Map<SyncTable, Position> after,
        Map<String, SyncSources.Saved> saved,
        int limit)
        throws SQLException {
      DatabaseIdentity id = DatabaseIdentity.read(c);
      Position furthest = Position.START;
      for (SyncTable t : cursors.keySet()) {
        if (t.source().equals(source) && from(after, t).compareTo(furthest) > 0) {
          furthest = from(after, t);
        }
      }
      SyncSources.Saved s = saved.get(source);
      boolean sameDatabase =
          s == null
              ? id.continues(id.databaseId(), null, furthest)
              : id.continues(s.databaseId(), s.systemId(), furthest);
      if (!sameDatabase) {
        replaced.add(source);
      }
      identities.put(source, id);
      for (Map.Entry<SyncTable, PositionCursor<?>> e : cursors.entrySet()) {
        if (!e.getKey().source().equals(source)) {
          continue;
        }
        Position start = sameDatabase ? from(after, e.getKey()) : Position.START;
        PositionBatch<?> b = e.getValue().read(c, start, limit);
        rows.put(e.getKey(), b.values());
        next.put(e.getKey(), b.next());
        if (b.rows().size() >= limit) {
          behind.add(e.getKey());
        }
      }
    }

    @SuppressWarnings("unchecked")
    <T> List<T> cast(SyncTable t) {
      return (List<T>) rows.get(t);
    }
  }

  private static Position from(Map<SyncTable, Position> after, SyncTable t) {
    return after.getOrDefault(t, Position.START);
  }

  private static Connection readOnly(DataSource ds) throws SQLException {
    Connection c = ds.getConnection();
    try {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }
}
