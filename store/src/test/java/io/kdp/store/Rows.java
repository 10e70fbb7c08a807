package io.kdp.store;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;
import java.util.List;

/** Sample rows for tests: realistic values, including the edge cases the columns must keep. */
public final class Rows {

  /** 2026-11-25T12:00:00.123456Z in Unix µs. */
  public static final long T0 = 1_795_608_000_123_456L;

  private Rows() {}

  public static Provenance ws(String gatherer, long seq) {
    return new Provenance(gatherer, 7, 2, seq);
  }

  public static DeltaRow delta(int i) {
    return new DeltaRow(
        "KXHIGHNY-26NOV25-B" + (50 + i % 3),
        i % 2 == 0 ? Side.YES : Side.NO,
        10_000L * (1 + i % 99),
        (i % 5 == 0 ? -1 : 1) * (100L * i + 37),
        i % 7 == 0 ? KalshiWsMessage.NO_TIME : T0 - 1000 + i,
        T0 + i,
        ws("a", 3 + i));
  }

  public static List<DeltaRow> deltas(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(Rows::delta).toList();
  }

  public static SnapshotRow snapshot(String market, FeedSource source, long receivedAt) {
    return new SnapshotRow(
        market,
        source,
        List.of(new Level(80_000, 30_000), new Level(220_000, 33_300), new Level(420_500, 1)),
        List.of(new Level(540_000, 2_000)),
        source == FeedSource.REST ? KalshiWsMessage.NO_TIME : receivedAt - 250,
        receivedAt,
        source == FeedSource.REST ? Provenance.rest("a") : ws("a", 2));
  }

  public static TradeRow trade(String gatherer, String tradeId, FeedSource source, long at) {
    return new TradeRow(
        tradeId,
        "HIGHNY-22DEC23-B53.5",
        360_000,
        640_000,
        13_600,
        Side.NO,
        source == FeedSource.WS ? Side.NO : null,
        source == FeedSource.WS ? "ask" : null,
        false,
        source,
        at - 3_000,
        at,
        source == FeedSource.WS ? ws(gatherer, 11) : Provenance.rest(gatherer));
  }

  public static TickerRow ticker(int i) {
    return new TickerRow(
        "FED-23DEC-T3.00",
        480_000 + i,
        450_000,
        530_000,
        30_000,
        15_000,
        2_500,
        3_389_600,
        2_042_200,
        16_948,
        10_211,
        T0 - 5_000 + i,
        T0 + i,
        new Provenance("a", 9, 11, KalshiWsMessage.NO_SEQ));
  }
}
