package io.kdp.client.ws.codec;

import static io.kdp.client.ws.codec.WireValues.ABSENT;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.client.ws.message.OrderbookSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming decoder of an {@code orderbook_snapshot} body. A side whose key is absent is empty.
 * {@code yes_dollars_fp} ({@code [["0.0800","300.00"]]}) wins over the legacy {@code yes_dollars}
 * ({@code [["0.080",300]]}) and {@code yes} ({@code [[8,300]]}, cents) whichever comes first.
 *
 * <pre>{@code
 * {"market_ticker":"FED-23DEC-T3.00","market_id":"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1",
 *  "yes_dollars_fp":[["0.0800","300.00"],["0.2200","333.00"]],
 *  "no_dollars_fp":[["0.5400","20.00"],["0.5600","146.00"]]}
 * }</pre>
 */
final class SnapshotBody {

  private static final int CENTS = 1, DOLLARS = 2, FIXED_POINT = 3;

  private SnapshotBody() {}

  static OrderbookSnapshot decode(JsonParser p, StringCache cache, int sid, long seq, int id)
      throws IOException {
    String ticker = null, marketId = null;
    List<Level> yes = List.of(), no = List.of();
    int yesRank = 0, noRank = 0;
    long tsMs = ABSENT, ts = ABSENT;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      int rank = rank(f);
      if (rank > 0) {
        List<Level> levels = levels(p, f, rank);
        if (f.startsWith("yes") && rank > yesRank) {
          yes = levels;
          yesRank = rank;
        } else if (f.startsWith("no") && rank > noRank) {
          no = levels;
          noRank = rank;
        }
        continue;
      }
      switch (f) {
        case "market_ticker" -> ticker = WireValues.text(p, cache, f);
        case "market_id" -> marketId = WireValues.text(p, cache, f);
        case "ts_ms" -> tsMs = WireValues.millisAsMicros(p, f);
        case "ts" -> ts = WireValues.tsAsMicros(p, f);
        default -> p.skipChildren();
      }
    }
    return new OrderbookSnapshot(
        sid,
        seq,
        id,
        WireValues.require(ticker, "orderbook_snapshot", "market_ticker"),
        marketId,
        yes,
        no,
        WireValues.exchangeTime(tsMs, ts, KalshiWsMessage.NO_TIME));
  }

  private static int rank(String field) {
    return switch (field) {
      case "yes_dollars_fp", "no_dollars_fp" -> FIXED_POINT;
      case "yes_dollars", "no_dollars" -> DOLLARS;
      case "yes", "no" -> CENTS;
      default -> 0;
    };
  }

  private static List<Level> levels(JsonParser p, String field, int rank) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    expect(p, JsonToken.START_ARRAY, field);
    List<Level> out = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_ARRAY) {
      p.nextToken();
      long price =
          rank == CENTS ? WireValues.cents(p, field) : WireValues.dollars(p, field, ABSENT);
      p.nextToken();
      long size = WireValues.contracts(p, field, ABSENT);
      if (price == ABSENT || size == ABSENT) {
        throw new WireException(field + ": empty level value");
      }
      out.add(new Level(price, size));
      expect(p.nextToken(), JsonToken.END_ARRAY, field);
    }
    expect(p, JsonToken.END_ARRAY, field);
    return List.copyOf(out);
  }

  private static void expect(JsonParser p, JsonToken want, String field) {
    expect(p.currentToken(), want, field);
  }

  private static void expect(JsonToken got, JsonToken want, String field) {
    if (got != want) {
      throw new WireException(field + ": expected " + want + ", got " + got);
    }
  }
}
