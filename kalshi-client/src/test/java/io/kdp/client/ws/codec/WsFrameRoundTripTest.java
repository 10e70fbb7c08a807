package io.kdp.client.ws.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.json.KalshiJson;
import io.kdp.client.model.Side;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.client.ws.message.EventFeeUpdate;
import io.kdp.client.ws.message.EventLifecycle;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.client.ws.message.LifecycleEventType;
import io.kdp.client.ws.message.MarketLifecycle;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.OrderbookSnapshot;
import io.kdp.client.ws.message.TickerMessage;
import io.kdp.client.ws.message.TradeMessage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's {@link WsFrameEncoder} and our decoder agree on every record family. */
class WsFrameRoundTripTest {

  static final long T = 1_776_640_470_160_000L; // millisecond precision: what ts_ms carries
  static final String ID = "9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1";

  static List<KalshiWsMessage> records() throws Exception {
    return List.of(
        new OrderbookSnapshot(
            3,
            1,
            0,
            "M-1",
            ID,
            List.of(new Level(10_000, 100), new Level(420_000, 1_300)),
            List.of(),
            KalshiWsMessage.NO_TIME),
        new OrderbookSnapshot(
            3, 9, 17, "M-1", ID, List.of(), List.of(new Level(1_500, 5)), KalshiWsMessage.NO_TIME),
        new OrderbookDelta(3, 2, "M-1", ID, 960_000, -5_400, Side.YES, T, null, null),
        new OrderbookDelta(3, 3, "M-1", ID, 1_234, 1, Side.NO, T, "coid", "2"),
        new TradeMessage(
            4,
            7,
            "d91bc706-ee49-470d-82d8-11418bda6fed",
            "M-1",
            360_000,
            640_000,
            13_600,
            Side.NO,
            Side.NO,
            "ask",
            false,
            T),
        new TickerMessage(
            5,
            KalshiWsMessage.NO_SEQ,
            "M-1",
            ID,
            480_000,
            450_000,
            530_000,
            3_389_600,
            2_042_200,
            16_948,
            10_211,
            30_000,
            15_000,
            2_500,
            T),
        new MarketLifecycle(
            6,
            3,
            "M-1",
            LifecycleEventType.CREATED,
            0,
            1_694_635_200L,
            1_694_721_600L,
            null,
            null,
            null,
            null,
            null,
            "linear_cent",
            KalshiJson.mapper()
                .readTree("[{\"start\":\"0.0000\",\"end\":\"1.0000\",\"step\":\"0.0100\"}]"),
            KalshiJson.mapper().readTree("{\"name\":\"n\",\"can_close_early\":true}"),
            null,
            null,
            null,
            null,
            null,
            List.of()),
        new MarketLifecycle(
            6,
            4,
            "M-1",
            LifecycleEventType.DETERMINED,
            null,
            null,
            null,
            null,
            1_694_722_000L,
            "yes",
            1_000_000L,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of()),
        new MarketLifecycle(
            6,
            5,
            "M-1",
            LifecycleEventType.METADATA_UPDATED,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "between",
            new BigDecimal("59.99"),
            new BigDecimal("60.99"),
            null,
            "60 to 61",
            List.of()),
        new EventLifecycle(6, 6, "E-1", "S", 0, "Title", "Sub", "MECNET", 1_694_721_600L, "day"),
        new EventFeeUpdate(6, 7, "E-1", "flat", new BigDecimal("0.5")),
        new EventFeeUpdate(6, 8, "E-1", null, null),
        new CommandReply.Subscribed(1, "orderbook_delta", 3),
        new CommandReply.Unsubscribed(9, 3, 12),
        new CommandReply.Ok(5, 3, 4, List.of("M-1", "M-2")),
        new CommandReply.SubscriptionList(
            8, List.of(new CommandReply.Subscription("orderbook_delta", 3))),
        new CommandReply.Error(7, 3, 26, "Subscription market limit exceeded", "M-9"));
  }

  @Test
  void encodeThenDecodeGivesTheSameRecord() throws Exception {
    WsFrameDecoder decoder = new WsFrameDecoder();
    for (KalshiWsMessage m : records()) {
      String frame = WsFrameEncoder.encode(m);
      assertThat(decoder.decode(frame)).as(frame).isEqualTo(m);
    }
  }
}
