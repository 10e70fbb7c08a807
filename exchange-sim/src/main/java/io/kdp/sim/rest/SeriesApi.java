package io.kdp.sim.rest;

import io.kdp.client.model.Contracts;
import io.kdp.client.rest.wire.CandlesticksResponse;
import io.kdp.client.rest.wire.Series;
import io.kdp.client.rest.wire.SeriesList;
import io.kdp.client.rest.wire.SeriesResponse;
import io.kdp.sim.world.MarketState;
import io.kdp.sim.world.SeriesState;
import io.kdp.sim.world.World;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /series}, {@code /series/{ticker}} and the market candlesticks under a series. */
final class SeriesApi {

  private final World world;
  private final InstantSource clock;

  SeriesApi(World world, InstantSource clock) {
    this.world = world;
    this.clock = clock;
  }

  SeriesList list(Query q) {
    String category = q.string("category");
    List<String> tags = q.list("tags");
    boolean volume = q.bool("include_volume");
    q.bool("include_product_metadata");
    Long minUpdated = q.longValue("min_updated_ts");
    return world.read(
        () -> {
          List<Series> out = new ArrayList<>();
          for (SeriesState s : world.series()) {
            if ((category == null || s.category().equals(category))
                && (tags.isEmpty() || s.tags().stream().anyMatch(tags::contains))
                && (minUpdated == null || s.lastUpdatedMillis() >= minUpdated * 1000)) {
              out.add(Views.series(s, volume ? volume(s) : null));
            }
          }
          return new SeriesList(out);
        });
  }

  SeriesResponse get(String ticker, Query q) {
    boolean volume = q.bool("include_volume");
    return world.read(
        () -> {
          SeriesState s = world.seriesByTicker(ticker);
          if (s == null) {
            throw new ApiException(404, "series_not_found", "series not found");
          }
          return new SeriesResponse(Views.series(s, volume ? volume(s) : null));
        });
  }

  CandlesticksResponse candlesticks(String seriesTicker, String ticker, Query q) {
    Long start = q.longValue("start_ts");
    Long end = q.longValue("end_ts");
    Long interval = q.longValue("period_interval");
    if (start == null || end == null || interval == null) {
      throw ApiException.badRequest("start_ts, end_ts and period_interval are required");
    }
    if (interval != 1 && interval != 60 && interval != 1440) {
      throw ApiException.badRequest("period_interval must be 1, 60 or 1440");
    }
    if (end < start) {
      throw ApiException.badRequest("end_ts must not be before start_ts");
    }
    boolean latestBefore = q.bool("include_latest_before_start");
    long now = clock.millis();
    return world.read(
        () -> {
          MarketState m = world.market(ticker);
          if (m == null || !m.event.series.ticker().equals(seriesTicker)) {
            throw new ApiException(404, "market_not_found", "market not found");
          }
          return new CandlesticksResponse(
              ticker, Candles.build(m, start, end, interval.intValue(), now, latestBefore));
        });
  }

  private String volume(SeriesState s) {
    long v = 0;
    for (MarketState m : world.markets()) {
      if (m.event.series == s) {
        v += m.volume();
      }
    }
    return Contracts.format(v);
  }
}
