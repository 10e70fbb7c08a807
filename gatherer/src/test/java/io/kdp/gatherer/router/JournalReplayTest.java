package io.kdp.gatherer.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;
import io.kdp.store.table.Tables;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A capture of raw frames replayed through the router and writers into a real PostgreSQL. */
@Timeout(120)
class JournalReplayTest {

  @TempDir Path dir;

  static final long T0 = 1_764_072_000_000_000L;

  static String line(long receivedOffset, String connection, String frame) {
    return "{\"received_us\":%d,\"connection\":\"%s\",\"frame\":%s}"
        .formatted(T0 + receivedOffset, connection, quote(frame));
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  static final String SNAPSHOT =
      "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":%d,\"msg\":{\"market_ticker\":\"M-A\","
          + "\"market_id\":\"u1\",\"yes_dollars_fp\":[[\"0.4000\",\"10.00\"]],"
          + "\"no_dollars_fp\":[[\"0.5000\",\"5.00\"]]}}";
  static final String DELTA =
      "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":%d,\"msg\":{\"market_ticker\":\"M-A\","
          + "\"market_id\":\"u1\",\"price_dollars\":\"%s\",\"delta_fp\":\"%s\",\"side\":\"%s\","
          + "\"ts_ms\":1764072000123}}";
  static final String TRADE =
      "{\"type\":\"trade\",\"sid\":%d,\"seq\":1,\"msg\":{\"trade_id\":\"T1\",\"market_ticker\":\"M-A\","
          + "\"yes_price_dollars\":\"0.4000\",\"no_price_dollars\":\"0.6000\",\"count_fp\":\"3.00\","
          + "\"taker_side\":\"yes\",\"taker_outcome_side\":\"yes\",\"taker_book_side\":\"bid\","
          + "\"is_block_trade\":false,\"ts_ms\":1764072000200}}";
  static final String TICKER =
      "{\"type\":\"ticker\",\"sid\":3,\"msg\":{\"market_id\":\"u1\",\"market_ticker\":\"M-A\","
          + "\"price_dollars\":\"0.4000\",\"yes_bid_dollars\":\"0.4000\",\"yes_ask_dollars\":\"0.5000\","
          + "\"volume_fp\":\"3.00\",\"open_interest_fp\":\"3.00\",\"dollar_volume\":1,"
          + "\"dollar_open_interest\":1,\"yes_bid_size_fp\":\"7.00\",\"yes_ask_size_fp\":\"5.00\","
          + "\"last_trade_size_fp\":\"3.00\",\"ts_ms\":1764072000300}}";

  @Test
  void aCaptureIsStoredOnceWithGapsDuplicatesAndBadFramesHandled() throws Exception {
    Path capture =
        Files.write(
            dir.resolve("frames.jsonl"),
            List.of(
                line(
                    1,
                    "ob-0:7",
                    "{\"id\":1,\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":1}}"),
                line(2, "ob-0:7", SNAPSHOT.formatted(1)),
                line(3, "ob-0:7", DELTA.formatted(2, "0.4000", "-3.00", "yes")),
                line(4, "ob-0:7", DELTA.formatted(2, "0.4000", "-3.00", "yes")),
                line(5, "ob-0:7", DELTA.formatted(5, "0.5000", "2.00", "no")),
                line(6, "ob-0:7", SNAPSHOT.formatted(6)),
                line(7, "trade:8", TRADE.formatted(2)),
                line(8, "trade:9", TRADE.formatted(1)),
                line(9, "ticker:10", TICKER),
                line(10, "ob-0:7", "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":7,\"msg\":{"),
                "this line is not JSON"));
    TestDatabase db = SharedPostgres.createDatabase();

    JournalReplay.Result result =
        JournalReplay.run(capture, db.dataSource(), "a", JournalReplay.defaultQueues());

    assertThat(result).isEqualTo(new JournalReplay.Result(10, 1));
    long ts = 1_764_072_000_123_000L;
    assertThat(StoredRows.of(db.dataSource(), Tables.DELTAS))
        .containsExactly(
            new DeltaRow("M-A", Side.YES, 400_000, -300, ts, T0 + 3, new Provenance("a", 7, 1, 2)),
            new DeltaRow("M-A", Side.NO, 500_000, 200, ts, T0 + 5, new Provenance("a", 7, 1, 5)));
    List<Level> yes = List.of(new Level(400_000, 1000));
    List<Level> no = List.of(new Level(500_000, 500));
    assertThat(StoredRows.of(db.dataSource(), Tables.SNAPSHOTS))
        .containsExactly(
            new SnapshotRow(
                "M-A",
                FeedSource.WS,
                yes,
                no,
                KalshiWsMessage.NO_TIME,
                T0 + 2,
                new Provenance("a", 7, 1, 1)),
            new SnapshotRow(
                "M-A",
                FeedSource.WS,
                yes,
                no,
                KalshiWsMessage.NO_TIME,
                T0 + 6,
                new Provenance("a", 7, 1, 6)));
    assertThat(StoredRows.of(db.dataSource(), Tables.TRADES))
        .containsExactly(
            new TradeRow(
                "T1",
                "M-A",
                400_000,
                600_000,
                300,
                Side.YES,
                Side.YES,
                "bid",
                false,
                FeedSource.WS,
                1_764_072_000_200_000L,
                T0 + 7,
                new Provenance("a", 8, 2, 1)));
    assertThat(StoredRows.of(db.dataSource(), Tables.TICKERS))
        .containsExactly(
            new TickerRow(
                "M-A",
                400_000,
                400_000,
                500_000,
                700,
                500,
                300,
                300,
                300,
                1,
                1,
                1_764_072_000_300_000L,
                T0 + 9,
                new Provenance("a", 10, 3, 0)));
    assertThat(StoredRows.of(db.dataSource(), Tables.SEQUENCE_GAPS))
        .singleElement()
        .usingRecursiveComparison()
        .ignoringFields("gapId")
        .isEqualTo(new SequenceGapRow(0, "a", 7, 1, 3, 5, List.of("M-A"), T0 + 5, T0 + 6));
    assertThat(StoredRows.of(db.dataSource(), Tables.QUARANTINE))
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.connectionId()).isEqualTo(7);
              assertThat(q.frame())
                  .isEqualTo("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":7,\"msg\":{");
              assertThat(q.receivedAtMicros()).isEqualTo(T0 + 10);
            });

    JournalReplay.Result again =
        JournalReplay.run(capture, db.dataSource(), "a", JournalReplay.defaultQueues());

    assertThat(again.frames()).isEqualTo(10);
    assertThat(StoredRows.of(db.dataSource(), Tables.DELTAS)).hasSize(2);
    assertThat(StoredRows.of(db.dataSource(), Tables.SNAPSHOTS)).hasSize(2);
    assertThat(StoredRows.of(db.dataSource(), Tables.TRADES)).hasSize(1);
    assertThat(StoredRows.of(db.dataSource(), Tables.SEQUENCE_GAPS)).hasSize(1);
    assertThat(StoredRows.of(db.dataSource(), Tables.QUARANTINE)).hasSize(1);
  }
}
