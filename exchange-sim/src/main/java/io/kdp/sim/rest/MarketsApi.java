package io.kdp.sim.rest;

import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import io.kdp.client.model.Side;
import io.kdp.client.rest.wire.Market;
import io.kdp.client.rest.wire.MarketOrderbook;
import io.kdp.client.rest.wire.MarketResponse;
import io.kdp.client.rest.wire.MarketsPage;
import io.kdp.client.rest.wire.OrderbookFp;
import io.kdp.client.rest.wire.OrderbookResponse;
import io.kdp.client.rest.wire.OrderbooksResponse;
import io.kdp.client.ws.message.Level;
import io.kdp.sim.world.MarketState;
import io.kdp.sim.world.MarketStatus;
import io.kdp.sim.world.World;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET /markets}, {@code /markets/{ticker}}, {@code /markets/{ticker}/orderbook}, {@code
 * /markets/orderbooks}.
 */
final class MarketsApi {

  private final World world;
  private final InstantSource clock;

  MarketsApi(World world, InstantSource clock) {
    this.world = world;
    this.clock = clock;
  }

  MarketsPage list(Query q) {
    int limit = q.limit(100, 1000);
    Predicate<MarketState> filter = MarketFilter.parse(q);
    long after = Cursor.decode(q.string("cursor"), "m", -1);
    long now = clock.millis();
    long delay = world.params().determineDelay().toMillis();
    return world.read(
        () -> {
          List<Market> out = new ArrayList<>();
          List<MarketState> all = world.markets();
          int i = (int) (after + 1);
          for (; i < all.size() && out.size() < limit; i++) {
            MarketState m = all.get(i);
            if (filter.test(m)) {
              out.add(Views.market(m, now, delay));
            }
          }
          boolean more = false;
          for (int j = i; j < all.size() && !more; j++) {
            more = filter.test(all.get(j));
          }
          return new MarketsPage(out, more ? Cursor.encode("m", i - 1) : "");
        });
  }

  MarketResponse get(String ticker) {
    long now = clock.millis();
    return world.read(
        () ->
            new MarketResponse(
                Views.market(require(ticker), now, world.params().determineDelay().toMillis())));
  }

  OrderbookResponse orderbook(String ticker, Query q) {
    int depth = q.intValue("depth", 0, Integer.MIN_VALUE, 100);
    return world.read(() -> new OrderbookResponse(book(require(ticker), depth), null));
  }

  OrderbooksResponse orderbooks(Query q) {
    Set<String> tickers = new LinkedHashSet<>(q.list("tickers"));
    if (tickers.isEmpty() || tickers.size() > 100) {
      throw ApiException.badRequest("tickers must list 1 to 100 markets");
    }
    return world.read(
        () -> {
          List<MarketOrderbook> out = new ArrayList<>();
          for (String t : tickers) {
            out.add(new MarketOrderbook(t, book(require(t), 0)));
          }
          return new OrderbooksResponse(out);
        });
  }

  private MarketState require(String ticker) {
    MarketState m = world.market(ticker);
    if (m == null) {
      throw new ApiException(404, "market_not_found", "market not found");
    }
    return m;
  }

  static OrderbookFp book(MarketState m, int depth) {
    return new OrderbookFp(
        levels(m.book.levels(Side.YES, depth)), levels(m.book.levels(Side.NO, depth)));
  }

  private static List<List<String>> levels(List<Level> levels) {
    List<List<String>> out = new ArrayList<>(levels.size());
    for (Level l : levels) {
      out.add(List.of(Dollars.format(l.priceMicros()), Contracts.format(l.sizeCenti())));
    }
    return out;
  }

  /** The {@code GET /markets} filters, with Kalshi's rules on which may be combined. */
  static final class MarketFilter {

    private MarketFilter() {}

    static Predicate<MarketState> parse(Query q) {
      String status = q.string("status");
      Set<MarketStatus> statuses = status == null ? null : MarketStatus.forFilter(status);
      if (status != null && statuses == null) {
        throw ApiException.badRequest(
            "status must be one of unopened, open, paused, closed, settled");
      }
      Long minCreated = q.longValue("min_created_ts");
      Long maxCreated = q.longValue("max_created_ts");
      Long minClose = q.longValue("min_close_ts");
      Long maxClose = q.longValue("max_close_ts");
      Long minSettled = q.longValue("min_settled_ts");
      Long maxSettled = q.longValue("max_settled_ts");
      Long minUpdated = q.longValue("min_updated_ts");
      String mve = q.string("mve_filter");
      if (mve != null && !mve.equals("only") && !mve.equals("exclude")) {
        throw ApiException.badRequest("mve_filter must be only or exclude");
      }
      boolean created = minCreated != null || maxCreated != null;
      boolean close = minClose != null || maxClose != null;
      boolean settled = minSettled != null || maxSettled != null;
      int families = (created ? 1 : 0) + (close ? 1 : 0) + (settled ? 1 : 0);
      if (families > 1) {
        throw ApiException.badRequest(
            "created, close and settled timestamp filters cannot be combined");
      }
      if (created && status != null && !status.equals("unopened") && !status.equals("open")) {
        throw ApiException.badRequest(
            "min/max_created_ts are only compatible with status unopened or open");
      }
      if (close && status != null && !status.equals("closed")) {
        throw ApiException.badRequest("min/max_close_ts are only compatible with status closed");
      }
      if (settled && status != null && !status.equals("settled")) {
        throw ApiException.badRequest("min/max_settled_ts are only compatible with status settled");
      }
      String event = q.string("event_ticker");
      String series = q.string("series_ticker");
      List<String> tickerList = q.list("tickers");
      if (event != null && event.contains(",")) {
        throw ApiException.badRequest("event_ticker takes a single event ticker");
      }
      if (minUpdated != null
          && (status != null
              || families > 0
              || event != null
              || series != null
              || !tickerList.isEmpty()
              || "only".equals(mve))) {
        throw ApiException.badRequest(
            "min_updated_ts cannot be combined with other filters except mve_filter=exclude");
      }
      Set<String> tickers = tickerList.isEmpty() ? null : new HashSet<>(tickerList);
      boolean onlyMve = "only".equals(mve);
      return m ->
          !onlyMve
              && (statuses == null || statuses.contains(m.status()))
              && (event == null || m.event.eventTicker.equals(event))
              && (series == null || m.event.series.ticker().equals(series))
              && (tickers == null || tickers.contains(m.ticker))
              && within(m.createdMillis, minCreated, maxCreated)
              && within(m.closeMillis(), minClose, maxClose)
              && (!settled
                  || (m.settledMillis() > 0 && within(m.settledMillis(), minSettled, maxSettled)))
              && (minUpdated == null || m.updatedMillis() >= minUpdated * 1000);
    }

    private static boolean within(long millis, Long minSeconds, Long maxSeconds) {
      return (minSeconds == null || millis >= minSeconds * 1000)
          && (maxSeconds == null || millis <= maxSeconds * 1000);
    }
  }
}
