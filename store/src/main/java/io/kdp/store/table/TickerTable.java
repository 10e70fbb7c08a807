package io.kdp.store.table;

import io.kdp.store.copy.BinaryCopy;
import io.kdp.store.row.TickerRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** {@code tickers}. */
final class TickerTable implements TimeSeriesTable<TickerRow> {

  private static final List<String> COLUMNS =
      Columns.concat(
          List.of(
              "received_at",
              "exchange_time",
              "market",
              "price",
              "yes_bid",
              "yes_ask",
              "yes_bid_size",
              "yes_ask_size",
              "last_trade_size",
              "volume",
              "open_interest",
              "dollar_volume",
              "dollar_open_interest"),
          Columns.PROVENANCE);

  @Override
  public String name() {
    return "tickers";
  }

  @Override
  public List<String> copyColumns() {
    return COLUMNS;
  }

  @Override
  public void encode(TickerRow r, BinaryCopy out) throws SQLException {
    out.row(COLUMNS.size());
    out.timestamptz(r.receivedAtMicros());
    out.timestamptz(r.exchangeTimeMicros());
    out.text(r.market());
    out.int8(r.priceMicros());
    out.int8(r.yesBidMicros());
    out.int8(r.yesAskMicros());
    out.int8(r.yesBidSizeCenti());
    out.int8(r.yesAskSizeCenti());
    out.int8(r.lastTradeSizeCenti());
    out.int8(r.volumeCenti());
    out.int8(r.openInterestCenti());
    out.int8(r.dollarVolume());
    out.int8(r.dollarOpenInterest());
    Columns.provenance(r.provenance(), out);
  }

  @Override
  public TickerRow decode(ResultSet rs) throws SQLException {
    return new TickerRow(
        rs.getString("market"),
        rs.getLong("price"),
        rs.getLong("yes_bid"),
        rs.getLong("yes_ask"),
        rs.getLong("yes_bid_size"),
        rs.getLong("yes_ask_size"),
        rs.getLong("last_trade_size"),
        rs.getLong("volume"),
        rs.getLong("open_interest"),
        rs.getLong("dollar_volume"),
        rs.getLong("dollar_open_interest"),
        Columns.micros(rs, "exchange_time"),
        Columns.micros(rs, "received_at"),
        Columns.provenance(rs));
  }
}
