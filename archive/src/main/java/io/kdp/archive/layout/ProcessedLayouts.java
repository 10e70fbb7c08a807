package io.kdp.archive.layout;

import static io.kdp.archive.layout.Layout.contracts;
import static io.kdp.archive.layout.Layout.dollars;
import static io.kdp.archive.layout.Layout.int64;
import static io.kdp.archive.layout.Layout.micros;
import static io.kdp.archive.layout.Layout.text;
import static io.kdp.archive.layout.Layout.ts;

import io.kdp.archive.parquet.Column;
import io.kdp.archive.parquet.ColumnType;
import java.util.List;

/**
 * The {@code processed/} tables read from production ({@code
 * store/src/main/resources/db/production/V1__production_tables.sql}; docs/layouts/*.md). A row
 * belongs to the hour of its {@code time}: production's event time and partitioning column (the
 * exchange time, else the time carried along its stream).
 */
public final class ProcessedLayouts {

  /** Rows of one hour of production {@code time}: one range pair. */
  static final String IN_RANGE = "time >= ? AND time < ?";

  public static final Layout TRADES =
      new Layout(
          "trades",
          1,
          List.of(
              text("trade_id", false).distinctValues(),
              text("market", false),
              dollars("yes_price"),
              dollars("no_price"),
              contracts("count"),
              text("taker_side", true),
              text("taker_outcome_side", true),
              text("taker_book_side", true),
              Column.required("block_trade", ColumnType.BOOLEAN, ""),
              ts("time", false),
              ts("exchange_time", true),
              ts("received_at", false),
              text("source", false),
              text("gatherer", false)),
          "SELECT trade_id, market, yes_price, no_price, count, taker_side, taker_outcome_side,"
              + " taker_book_side, block_trade, "
              + micros("time")
              + ", "
              + micros("exchange_time")
              + ", "
              + micros("received_at")
              + ", source, gatherer FROM trades WHERE "
              + IN_RANGE
              + " ORDER BY time, trade_id");

  public static final Layout TICKERS =
      new Layout(
          "tickers",
          1,
          List.of(
              text("market", false),
              ts("time", false),
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
              int64("content_hash").distinctValues()),
          "SELECT market, "
              + micros("time")
              + ", price, yes_bid, yes_ask, yes_bid_size, yes_ask_size, last_trade_size,"
              + " volume, open_interest, dollar_volume, dollar_open_interest, "
              + micros("exchange_time")
              + ", "
              + micros("received_at")
              + ", gatherer, content_hash FROM tickers WHERE "
              + IN_RANGE
              + " ORDER BY market, time, content_hash");

  public static final List<Layout> FLAT = List.of(TRADES, TICKERS);

  private ProcessedLayouts() {}
}
