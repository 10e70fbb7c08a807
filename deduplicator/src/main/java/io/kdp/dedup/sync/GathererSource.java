package io.kdp.dedup.sync;

import io.kdp.store.position.Position;
import io.kdp.store.position.PositionBatch;
import io.kdp.store.position.PositionCursor;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.StreamWatermarks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One gatherer's databases, read through the read-only role: every followed table after its cursor,
 * the time series and the gatherer's stream watermark from one {@code REPEATABLE READ READ ONLY}
 * snapshot, the metadata from another.
 */
public final class GathererSource {

  private final String gatherer;
  private final DataSource timeseries;
  private final DataSource metadata;
  private final Map<SyncTable, PositionCursor<?>> cursors = new EnumMap<>(SyncTable.class);
  private final Map<SyncTable, JsonCursor> jsonCursors = new EnumMap<>(SyncTable.class);

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
        jsonCursors.put(t, new JsonCursor(t.tableName()));
      }
    }
  }

  public String gatherer() {
    return gatherer;
  }

  /** Reads up to {@code limit} rows of every table after {@code after} (absent: from the start). */
  public GathererBatch read(Map<SyncTable, Position> after, int limit) throws SQLException {
    Map<SyncTable, Position> next = new EnumMap<>(SyncTable.class);
    Map<SyncTable, List<?>> series = new EnumMap<>(SyncTable.class);
    Map<SyncTable, List<String>> docs = new EnumMap<>(SyncTable.class);
    java.util.Set<SyncTable> behind = java.util.EnumSet.noneOf(SyncTable.class);
    long watermark;
    try (Connection c = readOnly(timeseries)) {
      watermark = StreamWatermarks.read(c, gatherer);
      for (Map.Entry<SyncTable, PositionCursor<?>> e : cursors.entrySet()) {
        PositionBatch<?> b = e.getValue().read(c, from(after, e.getKey()), limit);
        series.put(e.getKey(), b.values());
        next.put(e.getKey(), b.next());
        if (b.rows().size() >= limit) {
          behind.add(e.getKey());
        }
      }
      c.commit();
    }
    try (Connection c = readOnly(metadata)) {
      for (Map.Entry<SyncTable, JsonCursor> e : jsonCursors.entrySet()) {
        PositionBatch<String> b = e.getValue().read(c, from(after, e.getKey()), limit);
        docs.put(e.getKey(), b.values());
        next.put(e.getKey(), b.next());
        if (b.rows().size() >= limit) {
          behind.add(e.getKey());
        }
      }
      c.commit();
    }
    return new GathererBatch(
        gatherer,
        cast(series.get(SyncTable.TRADES)),
        cast(series.get(SyncTable.TICKERS)),
        cast(series.get(SyncTable.ORDERBOOK_SNAPSHOTS)),
        cast(series.get(SyncTable.ORDERBOOK_DELTAS)),
        cast(series.get(SyncTable.SEQUENCE_GAPS)),
        docs,
        next,
        behind,
        watermark);
  }

  private static Position from(Map<SyncTable, Position> after, SyncTable t) {
    return after.getOrDefault(t, Position.START);
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> cast(List<?> rows) {
    return (List<T>) rows;
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
