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
 * The {@code raw/} tables: each gatherer's own time-series rows (store's gatherer schema) of one
 * hour of its received time, every column as stored, in the order the gatherer committed them
 * ({@code txid, pos}) — nothing merged, nothing dropped, so a merge can be redone from S3.
 */
public final class RawLayouts {

  private static final String RANGE = " WHERE received_at >= ? AND received_at < ?";
  private static final String ORDER = " ORDER BY txid, pos";
  private static final String POSITION = ", txid::text::bigint AS txid, pos";
  private static final String PROVENANCE = ", gatherer, connection_id, sid, seq";

  private static List<Column> withPosition(List<Column> columns) {
    return concat(columns, List.of(int64("txid"), int64("pos")));
  }

  private static List<Column> provenance() {
    return List.of(text("gatherer", false), int64("connection_id"), int32("sid"), int64("seq"));
  }

  public static final Layout ORDERBOOK_DELTAS =
      new Layout(
          "orderbook_deltas",
          1,
          withPosition(
              concat(
                  List.of(
                      ts("received_at", false),
                      ts("exchange_time", true),
                      text("market", false),
                      text("side", false),
                      dollars("price"),
                      contracts("delta")),
                  provenance())),
          "SELECT "
              + micros("received_at")
              + ", "
              + micros("exchange_time")
              + ", market, side, price, delta"
              + PROVENANCE
              + POSITION
              + " FROM orderbook_deltas"
              + RANGE
              + ORDER);

  public static final Layout ORDERBOOK_SNAPSHOTS =
      new Layout(
          "orderbook_snapshots",
          1,
          withPosition(
              concat(
                  List.of(
                      ts("received_at", false),
                      ts("exchange_time", true),
                      text("market", false),
                      text("source", false),
                      Column.required("yes_prices", ColumnType.INT64_LIST, "micro-dollars"),
                      Column.required("yes_sizes", ColumnType.INT64_LIST, "hundredths"),
                      Column.required("no_prices", ColumnType.INT64_LIST, "micro-dollars"),
                      Column.required("no_sizes", ColumnType.INT64_LIST, "hundredths")),
                  provenance())),
          "SELECT "
              + micros("received_at")
              + ", "
              + micros("exchange_time")
              + ", market, source, yes_prices, yes_sizes, no_prices, no_sizes"
              + PROVENANCE
              + POSITION
              + " FROM orderbook_snapshots"
              + RANGE
              + ORDER);

  public static final Layout TRADES =
      new Layout(
          "trades",
          1,
          withPosition(
              concat(
                  List.of(
                      ts("received_at", false),
                      ts("exchange_time", true),
                      text("trade_id", false),
                      text("market", false),
                      dollars("yes_price"),
                      dollars("no_price"),
                      contracts("count"),
                      text("taker_side", true),
                      text("taker_outcome_side", true),
                      text("taker_book_side", true),
                      Column.required("block_trade", ColumnType.BOOLEAN, ""),
                      text("source", false)),
                  provenance())),
          "SELECT "
              + micros("received_at")
              + ", "
              + micros("exchange_time")
              + ", trade_id, market, yes_price, no_price, count, taker_side, taker_outcome_side,"
              + " taker_book_side, block_trade, source"
              + PROVENANCE
              + POSITION
              + " FROM trades"
              + RANGE
              + ORDER);

  public static final Layout TICKERS =
      new Layout(
          "tickers",
          1,
          withPosition(
              concat(
                  List.of(
                      ts("received_at", false),
                      ts("exchange_time", true),
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
                      dollars("dollar_open_interest")),
                  provenance())),
          "SELECT "
              + micros("received_at")
              + ", "
              + micros("exchange_time")
              + ", market, price, yes_bid, yes_ask, yes_bid_size, yes_ask_size, last_trade_size,"
              + " volume, open_interest, dollar_volume, dollar_open_interest"
              + PROVENANCE
              + POSITION
              + " FROM tickers"
              + RANGE
              + ORDER);

  public static final Layout QUARANTINE =
      new Layout(
          "raw_frames_quarantine",
          1,
          withPosition(
              List.of(
                  int64("frame_id"),
                  ts("received_at", false),
                  text("gatherer", false),
                  int64("connection_id"),
                  text("frame", false),
                  text("frame_type", true),
                  text("reason", false))),
          "SELECT frame_id, "
              + micros("received_at")
              + ", gatherer, connection_id, frame, frame_type, reason"
              + POSITION
              + " FROM raw_frames_quarantine"
              + RANGE
              + ORDER);

  public static final List<Layout> ALL =
      List.of(ORDERBOOK_DELTAS, ORDERBOOK_SNAPSHOTS, TRADES, TICKERS, QUARANTINE);

  private RawLayouts() {}

  private static List<Column> concat(List<Column> a, List<Column> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
