package io.kdp.store.writer;

import io.kdp.store.row.EventRow;
import io.kdp.store.row.MarketRow;
import io.kdp.store.row.SeriesRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Upserts the latest state of series, events and markets, and keeps the history of market status
 * changes. A row is rewritten (and moved to a new position) only when its content differs from what
 * is stored; a market is never replaced by a state whose {@code exchange_updated_time} is older
 * than the stored one. Within one batch the last row per key wins. All in the caller's transaction.
 */
public final class MetadataWriter {

  private static final MetadataUpsert<SeriesRow> SERIES =
      new MetadataUpsert<>(
          "series",
          "ticker",
          List.of(
              "ticker",
              "title",
              "category",
              "frequency",
              "fee_type",
              "fee_multiplier",
              "last_updated_ts",
              "wire"),
          s ->
              new Object[] {
                s.ticker(),
                s.title(),
                s.category(),
                s.frequency(),
                s.feeType(),
                s.feeMultiplier(),
                s.lastUpdatedTs(),
                s.wire()
              });

  private static final MetadataUpsert<EventRow> EVENTS =
      new MetadataUpsert<>(
          "events",
          "event_ticker",
          List.of(
              "event_ticker",
              "series_ticker",
              "title",
              "sub_title",
              "category",
              "collateral_return_type",
              "mutually_exclusive",
              "strike_date",
              "strike_period",
              "last_updated_ts",
              "wire"),
          e ->
              new Object[] {
                e.eventTicker(),
                e.seriesTicker(),
                e.title(),
                e.subTitle(),
                e.category(),
                e.collateralReturnType(),
                e.mutuallyExclusive(),
                e.strikeDate(),
                e.strikePeriod(),
                e.lastUpdatedTs(),
                e.wire()
              });

  private static final MetadataUpsert<MarketRow> MARKETS = MarketColumns.UPSERT;

  private static final String MARKETS_MERGE =
      "WITH prev AS (SELECT m.ticker, m.status FROM markets m JOIN markets_staging s"
          + " ON s.ticker = m.ticker),"
          + " up AS ("
          + MARKETS.merge(
              "(markets.exchange_updated_time IS NULL OR EXCLUDED.exchange_updated_time IS NULL"
                  + " OR EXCLUDED.exchange_updated_time >= markets.exchange_updated_time)",
              "status",
              "exchange_updated_time")
          + "),"
          + " hist AS (INSERT INTO market_status_changes"
          + " (ticker, old_status, new_status, exchange_time, received_at, gatherer)"
          + " SELECT up.ticker, prev.status, up.status, up.exchange_updated_time, ?, ?"
          + " FROM up LEFT JOIN prev ON prev.ticker = up.ticker"
          + " WHERE prev.status IS DISTINCT FROM up.status ORDER BY up.ticker RETURNING 1)"
          + " SELECT (SELECT count(*) FROM up), (SELECT count(*) FROM hist)";

  /**
   * Locks the stored rows about to be merged, so that a concurrent writer of the same market waits
   * and the merge (a new statement, so a new snapshot) compares with the latest status.
   */
  private static final String LOCK_MARKETS =
      "SELECT 1 FROM markets m JOIN markets_staging s ON s.ticker = m.ticker"
          + " ORDER BY m.ticker FOR UPDATE OF m";

  /** Upserts series, as seen by {@code gatherer} at {@code receivedAt}. */
  public MetadataWriteResult upsertSeries(
      Connection c, List<SeriesRow> rows, String gatherer, Instant receivedAt) throws SQLException {
    return simple(c, SERIES, rows, gatherer, receivedAt);
  }

  /** Upserts events, as seen by {@code gatherer} at {@code receivedAt}. */
  public MetadataWriteResult upsertEvents(
      Connection c, List<EventRow> rows, String gatherer, Instant receivedAt) throws SQLException {
    return simple(c, EVENTS, rows, gatherer, receivedAt);
  }

  /**
   * Upserts markets, as seen by {@code gatherer} at {@code receivedAt}, and records a status change
   * for every market first seen or whose stored status changed.
   */
  public MetadataWriteResult upsertMarkets(
      Connection c, List<MarketRow> rows, String gatherer, Instant receivedAt) throws SQLException {
    if (rows.isEmpty()) {
      return new MetadataWriteResult(0, 0);
    }
    MARKETS.stage(c, rows);
    try (PreparedStatement lock = c.prepareStatement(LOCK_MARKETS)) {
      lock.executeQuery().close();
    }
    try (PreparedStatement ps = c.prepareStatement(MARKETS_MERGE)) {
      ps.setObject(1, Timestamps.offsetDateTime(receivedAt));
      ps.setString(2, gatherer);
      ps.setObject(3, Timestamps.offsetDateTime(receivedAt));
      ps.setString(4, gatherer);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        MetadataWriteResult result = new MetadataWriteResult(rs.getInt(1), rs.getInt(2));
        MARKETS.clear(c);
        return result;
      }
    }
  }

  private static <R> MetadataWriteResult simple(
      Connection c, MetadataUpsert<R> upsert, List<R> rows, String gatherer, Instant receivedAt)
      throws SQLException {
    if (rows.isEmpty()) {
      return new MetadataWriteResult(0, 0);
    }
    upsert.stage(c, rows);
    try (PreparedStatement ps =
        c.prepareStatement("WITH up AS (" + upsert.merge("") + ") SELECT count(*) FROM up")) {
      ps.setObject(1, Timestamps.offsetDateTime(receivedAt));
      ps.setString(2, gatherer);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        int changed = rs.getInt(1);
        upsert.clear(c);
        return new MetadataWriteResult(changed, 0);
      }
    }
  }
}
