package io.kdp.archive.layout;

import static io.kdp.archive.layout.Layout.contracts;
import static io.kdp.archive.layout.Layout.dollars;
import static io.kdp.archive.layout.Layout.int32;
import static io.kdp.archive.layout.Layout.int64;
import static io.kdp.archive.layout.Layout.micros;
import static io.kdp.archive.layout.Layout.text;
import static io.kdp.archive.layout.Layout.ts;

import io.kdp.archive.parquet.Column;
import io.kdp.archive.parquet.ColumnType;
import java.util.List;

/**
 * The {@code processed/} tables read from production (docs/layouts/*.md). A row belongs to the hour
 * of its exchange time, or of its received time when Kalshi sent none ({@link #IN_RANGE}).
 */
public final class ProcessedLayouts {

  /** Rows of one hour: two range pairs, (exchange_time) then (received_at, exchange time null). */
  static final String IN_RANGE =
      "((exchange_time >= ? AND exchange_time < ?)"
          + " OR (exchange_time IS NULL AND received_at >= ? AND received_at < ?))";

  public static final Layout TRADES =
      new Layout(
          "trades",
          1,
          List.of(
              text("trade_id", false),
              text("market", false),
              dollars("yes_price"),
              dollars("no_price"),
              contracts("count"),
              text("taker_side", true),
              Column.required("block_trade", ColumnType.BOOLEAN, ""),
              ts("exchange_time", true),
              ts("received_at", false),
              text("source", false),
              text("gatherer", false)),
          "SELECT trade_id, market, yes_price, no_price, count, taker_side, block_trade, "
              + micros("exchange_time")
              + ", "
              + micros("received_at")
              + ", source, gatherer FROM trades WHERE "
              + IN_RANGE
              + " ORDER BY coalesce(exchange_time, received_at), trade_id");

  public static final Layout TICKERS =
      new Layout(
          "tickers",
          1,
          List.of(
              text("market", false),
              dollars("price"),
              dollars("yes_bid"),
              dollars("yes_ask"),
              contracts("yes_bid_size"),
              contracts("yes_ask_size"),
              contracts("last_trade_size"),
              contracts("volume"),
              contracts("open_interest"),
              dollars("dollar_volume"),
              dollars("dollar_open_interest"),
              ts("exchange_time", true),
              ts("received_at", false),
              text("gatherer", false),
              int64("connection_id"),
              int32("sid"),
              int64("seq")),
          "SELECT market, price, yes_bid, yes_ask, yes_bid_size, yes_ask_size, last_trade_size,"
              + " volume, open_interest, dollar_volume, dollar_open_interest, "
              + micros("exchange_time")
              + ", "
              + micros("received_at")
              + ", gatherer, connection_id, sid, seq FROM tickers WHERE "
              + IN_RANGE
              + " ORDER BY market, coalesce(exchange_time, received_at), received_at, gatherer,"
              + " connection_id, sid, seq");

  public static final List<Layout> FLAT = List.of(TRADES, TICKERS);

  private ProcessedLayouts() {}
}
