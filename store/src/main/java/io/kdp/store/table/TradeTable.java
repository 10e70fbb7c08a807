package io.kdp.store.table;

import io.kdp.store.copy.BinaryCopy;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.TradeRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code trades}. Written through {@link io.kdp.store.writer.TradeWriter}, never copied directly.
 */
final class TradeTable implements TimeSeriesTable<TradeRow> {

  private static final List<String> COLUMNS =
      Columns.concat(
          List.of(
              "received_at",
              "exchange_time",
              "trade_id",
              "market",
              "yes_price",
              "no_price",
              "count",
              "taker_side",
              "taker_outcome_side",
              "taker_book_side",
              "block_trade",
              "source"),
          Columns.PROVENANCE);

  @Override
  public String name() {
    return "trades";
  }

  @Override
  public List<String> copyColumns() {
    return COLUMNS;
  }

  @Override
  public void encode(TradeRow r, BinaryCopy out) throws SQLException {
    out.row(COLUMNS.size());
    out.timestamptz(r.receivedAtMicros());
    out.timestamptz(r.exchangeTimeMicros());
    out.text(r.tradeId());
    out.text(r.market());
    out.int8(r.yesPriceMicros());
    out.int8(r.noPriceMicros());
    out.int8(r.countCenti());
    Columns.side(r.takerSide(), out);
    Columns.side(r.takerOutcomeSide(), out);
    out.text(r.takerBookSide());
    out.bool(r.blockTrade());
    out.text(r.source().sql());
    Columns.provenance(r.provenance(), out);
  }

  @Override
  public TradeRow decode(ResultSet rs) throws SQLException {
    return new TradeRow(
        rs.getString("trade_id"),
        rs.getString("market"),
        rs.getLong("yes_price"),
        rs.getLong("no_price"),
        rs.getLong("count"),
        Columns.side(rs, "taker_side"),
        Columns.side(rs, "taker_outcome_side"),
        rs.getString("taker_book_side"),
        rs.getBoolean("block_trade"),
        FeedSource.fromSql(rs.getString("source")),
        Columns.micros(rs, "exchange_time"),
        Columns.micros(rs, "received_at"),
        Columns.provenance(rs));
  }
}
