package io.kdp.dedup.production;

import io.kdp.dedup.sync.SyncTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Metadata into production from the gatherers' rows (JSON documents of whole rows): the latest
 * state per series, event and market, and the union of the market status histories.
 *
 * <p>Latest wins by (exchange time of the change where Kalshi gives one, then the gatherer's {@code
 * updated_at}, then gatherer id), so the result does not depend on the merge order. A status change
 * is one row per (market, old, new, exchange time), or receive time truncated to the minute when
 * Kalshi sent no time.
 */
final class MetadataMerge {

  private static final String NEWER =
      " WHERE (coalesce(excluded.%1$s, '-infinity'), excluded.updated_at, excluded.gatherer) >"
          + " (coalesce(%2$s.%1$s, '-infinity'), %2$s.updated_at, %2$s.gatherer)";

  private static final String SERIES =
      "INSERT INTO series (ticker, last_updated_ts, state, updated_at, gatherer) SELECT"
          + " d->>'ticker', (d->>'last_updated_ts')::timestamptz, d, (d->>'updated_at')::timestamptz,"
          + " d->>'gatherer' FROM unnest(?::jsonb[]) d ON CONFLICT (ticker) DO UPDATE SET"
          + " last_updated_ts = excluded.last_updated_ts, state = excluded.state, updated_at ="
          + " excluded.updated_at, gatherer = excluded.gatherer"
          + NEWER.formatted("last_updated_ts", "series");

  private static final String EVENTS =
      "INSERT INTO events (event_ticker, series_ticker, last_updated_ts, state, updated_at,"
          + " gatherer) SELECT d->>'event_ticker', d->>'series_ticker',"
          + " (d->>'last_updated_ts')::timestamptz, d, (d->>'updated_at')::timestamptz,"
          + " d->>'gatherer' FROM unnest(?::jsonb[]) d ON CONFLICT (event_ticker) DO UPDATE SET"
          + " series_ticker = excluded.series_ticker, last_updated_ts = excluded.last_updated_ts,"
          + " state = excluded.state, updated_at = excluded.updated_at, gatherer ="
          + " excluded.gatherer"
          + NEWER.formatted("last_updated_ts", "events");

  private static final String MARKETS =
      "INSERT INTO markets (ticker, event_ticker, status, result, settlement_value,"
          + " exchange_updated_time, state, updated_at, gatherer) SELECT d->>'ticker',"
          + " d->>'event_ticker', d->>'status', d->>'result', (d->>'settlement_value')::bigint,"
          + " (d->>'exchange_updated_time')::timestamptz, d, (d->>'updated_at')::timestamptz,"
          + " d->>'gatherer' FROM unnest(?::jsonb[]) d ON CONFLICT (ticker) DO UPDATE SET"
          + " event_ticker = excluded.event_ticker, status = excluded.status, result ="
          + " excluded.result, settlement_value = excluded.settlement_value,"
          + " exchange_updated_time = excluded.exchange_updated_time, state = excluded.state,"
          + " updated_at = excluded.updated_at, gatherer = excluded.gatherer"
          + NEWER.formatted("exchange_updated_time", "markets");

  private static final String STATUS =
      "INSERT INTO market_status_changes (ticker, old_status, new_status, time, exchange_time,"
          + " received_at, gatherer) SELECT d->>'ticker', coalesce(d->>'old_status', ''),"
          + " coalesce(d->>'new_status', ''), coalesce((d->>'exchange_time')::timestamptz,"
          + " date_trunc('minute', (d->>'received_at')::timestamptz)),"
          + " (d->>'exchange_time')::timestamptz, (d->>'received_at')::timestamptz, d->>'gatherer'"
          + " FROM unnest(?::jsonb[]) d ON CONFLICT DO NOTHING";

  private MetadataMerge() {}

  /** Merges one gatherer's rows of one metadata table; returns rows inserted or updated. */
  static int write(Connection c, SyncTable table, List<String> docs) throws SQLException {
    if (docs.isEmpty()) {
      return 0;
    }
    String sql =
        switch (table) {
          case SERIES -> SERIES;
          case EVENTS -> EVENTS;
          case MARKETS -> MARKETS;
          case MARKET_STATUS_CHANGES -> STATUS;
          default -> throw new IllegalArgumentException(table + " is not metadata");
        };
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", docs.toArray(String[]::new)));
      return ps.executeUpdate();
    }
  }
}
