package io.kdp.dedup.production;

import static io.kdp.dedup.production.SqlArrays.bool;
import static io.kdp.dedup.production.SqlArrays.int8;
import static io.kdp.dedup.production.SqlArrays.micros;
import static io.kdp.dedup.production.SqlArrays.text;

import io.kdp.dedup.candles.MinuteDeltas;
import io.kdp.store.copy.BinaryCopy;
import io.kdp.store.row.TradeRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Trades into production, one row per {@code trade_id} whichever gatherers (and whether over the
 * WebSocket or a REST back-fill) delivered it: {@code trade_ids} takes the id first ({@code ON
 * CONFLICT DO NOTHING}) and only ids it took go on into {@code trades}. The first delivery merged
 * is kept, with its provenance. The trades inserted go into {@link MinuteDeltas} for the candles.
 *
 * <p>With {@link BulkLoad#COPY} the ids are claimed by one insert that returns those it took, and
 * only those trades are copied (binary {@code COPY}) into {@code trades}, their candle aggregates
 * summed here; with {@link BulkLoad#ARRAYS} (no {@code COPY}) one statement does all three. The
 * rows written and the aggregates are the same.
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

  private static final String CLAIM =
      "INSERT INTO trade_ids (trade_id, time) SELECT i, kdp_micros(t) FROM unnest(?::text[],"
          + " ?::bigint[]) AS u(i, t) ON CONFLICT DO NOTHING RETURNING trade_id";

  private static final List<String> COLUMNS =
      List.of(
          "time",
          "trade_id",
          "market",
          "yes_price",
          "no_price",
          "count",
          "taker_side",
          "taker_outcome_side",
          "taker_book_side",
          "block_trade",
          "exchange_time",
          "received_at",
          "source",
          "gatherer");

  private TradeMerge() {}

  /** The row's production time: its exchange time, else its receive time. */
  static long time(TradeRow r) {
    Long t = micros(r.exchangeTimeMicros());
    return t == null ? r.receivedAtMicros() : t;
  }

  /**
   * Inserts the trades not yet in production (the first of {@code rows} with an id counts), adding
   * those it inserted to {@code deltas}; returns how many were new.
   */
  static long write(Connection c, List<TradeRow> rows, MinuteDeltas deltas, BulkLoad load)
      throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    if (load != BulkLoad.COPY) {
      return writeArrays(c, rows, deltas);
    }
    Set<String> taken = claim(c, rows);
    List<TradeRow> fresh = new ArrayList<>(taken.size());
    for (TradeRow r : rows) {
      if (taken.remove(r.tradeId())) {
        fresh.add(r);
      }
    }
    if (fresh.isEmpty()) {
      return 0;
    }
    BinaryCopy copy = BinaryCopy.start(c, "trades", COLUMNS);
    try {
      for (TradeRow r : fresh) {
        copy.row(COLUMNS.size());
        copy.timestamptz(time(r));
        copy.text(r.tradeId());
        copy.text(r.market());
        copy.int8(r.yesPriceMicros());
        copy.int8(r.noPriceMicros());
        copy.int8(r.countCenti());
        copy.text(r.takerSide() == null ? null : r.takerSide().wire());
        copy.text(r.takerOutcomeSide() == null ? null : r.takerOutcomeSide().wire());
        copy.text(r.takerBookSide());
        copy.bool(r.blockTrade());
        copy.timestamptz(r.exchangeTimeMicros());
        copy.timestamptz(r.receivedAtMicros());
        copy.text(r.source().sql());
        copy.text(r.provenance().gatherer());
      }
      copy.finish();
    } catch (SQLException | RuntimeException e) {
      copy.cancel();
      throw e;
    }
    for (TradeRow r : fresh) {
      deltas.addTrade(r.market(), time(r), r.yesPriceMicros(), r.countCenti());
    }
    return fresh.size();
  }

  /** Inserts the ids of {@code rows} not yet in {@code trade_ids}; returns those it inserted. */
  private static Set<String> claim(Connection c, List<TradeRow> rows) throws SQLException {
    Set<String> taken = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
      ps.setArray(1, text(c, rows, TradeRow::tradeId));
      ps.setArray(2, int8(c, rows, TradeMerge::time));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          taken.add(rs.getString(1));
        }
      }
    }
    return taken;
  }

  private static long writeArrays(Connection c, List<TradeRow> rows, MinuteDeltas deltas)
      throws SQLException {
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
