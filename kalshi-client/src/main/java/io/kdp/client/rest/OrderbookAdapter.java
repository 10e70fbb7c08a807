package io.kdp.client.rest;

import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import io.kdp.client.rest.wire.LegacyOrderbook;
import io.kdp.client.rest.wire.MarketOrderbook;
import io.kdp.client.rest.wire.OrderbookFp;
import io.kdp.client.rest.wire.OrderbookResponse;
import io.kdp.client.ws.message.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Wire orderbooks to {@link RestOrderbook}. Reads {@code orderbook_fp} first:
 *
 * <pre>{@code
 * {"orderbook_fp":{"yes_dollars":[["0.0800","300.00"],["0.4200","13.00"]],
 *                  "no_dollars":[["0.5400","20.00"],["0.5600","146.00"]]}}
 * }</pre>
 *
 * and falls back to the legacy {@code orderbook}: its {@code yes_dollars}/{@code no_dollars} dollar
 * strings when present, else the integer-cent {@code yes}/{@code no} levels ({@code [[8, 300]]}).
 */
public final class OrderbookAdapter {

  private static final long MICROS_PER_CENT = Dollars.ONE / 100;

  private OrderbookAdapter() {}

  /** The book of {@code GET /markets/{ticker}/orderbook}. */
  public static RestOrderbook fromResponse(String ticker, OrderbookResponse response) {
    if (response.orderbookFp() != null) {
      return fromFp(ticker, response.orderbookFp());
    }
    if (response.orderbook() != null) {
      return fromLegacy(ticker, response.orderbook());
    }
    throw bad(ticker, "neither orderbook_fp nor orderbook in the response");
  }

  /** One entry of {@code GET /markets/orderbooks}. */
  public static RestOrderbook fromBatchEntry(MarketOrderbook entry) {
    if (entry.orderbookFp() == null) {
      throw bad(entry.ticker(), "no orderbook_fp in the batch entry");
    }
    return fromFp(entry.ticker(), entry.orderbookFp());
  }

  public static RestOrderbook fromFp(String ticker, OrderbookFp fp) {
    return new RestOrderbook(
        ticker, dollarLevels(ticker, fp.yesDollars()), dollarLevels(ticker, fp.noDollars()));
  }

  public static RestOrderbook fromLegacy(String ticker, LegacyOrderbook legacy) {
    if (legacy.yesDollars() != null || legacy.noDollars() != null) {
      return new RestOrderbook(
          ticker,
          dollarLevels(ticker, legacy.yesDollars()),
          dollarLevels(ticker, legacy.noDollars()));
    }
    return new RestOrderbook(
        ticker, centLevels(ticker, legacy.yes()), centLevels(ticker, legacy.no()));
  }

  private static List<Level> dollarLevels(String ticker, List<List<String>> levels) {
    if (levels == null) {
      return List.of();
    }
    List<Level> out = new ArrayList<>(levels.size());
    for (List<String> level : levels) {
      if (level == null || level.size() != 2 || level.get(0) == null || level.get(1) == null) {
        throw bad(ticker, "level is not [price, count]: " + level);
      }
      try {
        out.add(new Level(Dollars.parse(level.get(0)), Contracts.parse(level.get(1))));
      } catch (NumberFormatException | ArithmeticException e) {
        throw bad(ticker, "level " + level + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static List<Level> centLevels(String ticker, List<List<Long>> levels) {
    if (levels == null) {
      return List.of();
    }
    List<Level> out = new ArrayList<>(levels.size());
    for (List<Long> level : levels) {
      if (level == null || level.size() != 2 || level.get(0) == null || level.get(1) == null) {
        throw bad(ticker, "legacy level is not [cents, count]: " + level);
      }
      out.add(
          new Level(
              Math.multiplyExact(level.get(0), MICROS_PER_CENT),
              Math.multiplyExact(level.get(1), Contracts.ONE)));
    }
    return out;
  }

  private static KalshiProtocolException bad(String ticker, String problem) {
    return new KalshiProtocolException(
        "orderbook of " + ticker + ": " + problem, "orderbook " + ticker, 200, null, null, null);
  }
}
