package io.kdp.dedup.production;

import static io.kdp.dedup.production.SqlArrays.bool;
import static io.kdp.dedup.production.SqlArrays.int8;
import static io.kdp.dedup.production.SqlArrays.micros;
import static io.kdp.dedup.production.SqlArrays.text;

import io.kdp.dedup.candles.MinuteDeltas;
import io.kdp.store.row.TradeRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Trades into production, one row per {@code trade_id} whichever gatherers (and whether over the
 * WebSocket or a REST back-fill) delivered it: {@code trade_ids} takes the id first ({@code ON
 * CONFLICT DO NOTHING}) and only ids it took go on into {@code trades}. The first delivery merged
 * is kept, with its provenance. The trades inserted come back aggregated per market and minute for
 * the candles ({@link MinuteDeltas}).
 */
final class TradeMerge {

  private static final String SQL =
      "WITH input AS (SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[],"
          + " ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::bigint[],"
          + " ?::bigint[], ?::text[], ?::text[]) AS i(trade_id, market, time, yes_price, no_price,"
          + " count, taker_side, taker_outcome_side, taker_book_side, block_trade, exchange_time,"
          + " received_at, source, gatherer)),"
          + " taken AS (INSERT INTO trade_ids (trade_id, time) SELECT trade_id, kdp_micros(time)"
          + " FROM input ON CONFLICT DO NOTHING RETURNING trade_id),"
          + " inserted AS (INSERT INTO trades (time, trade_id, market, yes_price, no_price, count, taker_side,"
          + " taker_outcome_side, taker_book_side, block_trade, exchange_time, received_at, source,"
          + " gatherer) SELECT DISTINCT ON (i.trade_id) kdp_micros(i.time), i.trade_id, i.market,"
          + " i.yes_price, i.no_price, i.count, i.taker_side, i.taker_outcome_side,"
          + " i.taker_book_side, i.block_trade, kdp_micros(i.exchange_time),"
          + " kdp_micros(i.received_at), i.source, i.gatherer FROM input i JOIN taken USING"
          + " (trade_id) RETURNING market, time, yes_price, count)"
          + " SELECT market, "
          + MinuteDeltas.minuteEnd("time")
          + " e, max(yes_price), min(yes_price), sum(count)::bigint, count(*),"
          + " sum(yes_price * count)::bigint FROM inserted GROUP BY market, e";

  private TradeMerge() {}

  /** The row's production time: its exchange time, else its receive time. */
  static long time(TradeRow r) {
    Long t = micros(r.exchangeTimeMicros());
    return t == null ? r.receivedAtMicros() : t;
  }

  /**
   * Inserts the trades not yet in production, adding those it inserted to {@code deltas}; returns
   * how many were new.
   */
  static long write(Connection c, List<TradeRow> rows, MinuteDeltas deltas) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      int i = 1;
      ps.setArray(i++, text(c, rows, TradeRow::tradeId));
      ps.setArray(i++, text(c, rows, TradeRow::market));
      ps.setArray(i++, int8(c, rows, TradeMerge::time));
      ps.setArray(i++, int8(c, rows, TradeRow::yesPriceMicros));
      ps.setArray(i++, int8(c, rows, TradeRow::noPriceMicros));
      ps.setArray(i++, int8(c, rows, TradeRow::countCenti));
      ps.setArray(i++, text(c, rows, r -> r.takerSide() == null ? null : r.takerSide().wire()));
      ps.setArray(
          i++,
          text(c, rows, r -> r.takerOutcomeSide() == null ? null : r.takerOutcomeSide().wire()));
      ps.setArray(i++, text(c, rows, TradeRow::takerBookSide));
      ps.setArray(i++, bool(c, rows, TradeRow::blockTrade));
      ps.setArray(i++, int8(c, rows, r -> micros(r.exchangeTimeMicros())));
      ps.setArray(i++, int8(c, rows, TradeRow::receivedAtMicros));
      ps.setArray(i++, text(c, rows, r -> r.source().sql()));
      ps.setArray(i, text(c, rows, r -> r.provenance().gatherer()));
      try (ResultSet rs = ps.executeQuery()) {
        return deltas.addTrades(rs);
      }
    }
  }
}
