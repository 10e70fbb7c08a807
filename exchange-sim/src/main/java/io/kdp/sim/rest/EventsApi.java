package io.kdp.sim.rest;

import io.kdp.client.rest.wire.EventData;
import io.kdp.client.rest.wire.EventResponse;
import io.kdp.client.rest.wire.EventsPage;
import io.kdp.client.rest.wire.Market;
import io.kdp.sim.world.EventState;
import io.kdp.sim.world.MarketState;
import io.kdp.sim.world.World;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** {@code GET /events} and {@code GET /events/{event_ticker}}. */
final class EventsApi {

  private static final Set<String> STATUSES = Set.of("unopened", "open", "closed", "settled");

  private final World world;
  private final InstantSource clock;

  EventsApi(World world, InstantSource clock) {
    this.world = world;
    this.clock = clock;
  }

  EventsPage list(Query q) {
    int limit = q.limit(200, 200);
    boolean nested = q.bool("with_nested_markets");
    q.bool("with_milestones");
    String status = q.string("status");
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.badRequest("status must be one of unopened, open, closed, settled");
    }
    String series = q.string("series_ticker");
    Long minClose = q.longValue("min_close_ts");
    Long minUpdated = q.longValue("min_updated_ts");
    long after = Cursor.decode(q.string("cursor"), "e", -1);
    long now = clock.millis();
    Predicate<EventState> filter =
        e ->
            (status == null || e.filterStatus().equals(status))
                && (series == null || e.series.ticker().equals(series))
                && (minClose == null || closesAfter(e, minClose * 1000))
                && (minUpdated == null || e.lastUpdatedMillis() >= minUpdated * 1000);
    return world.read(
        () -> {
          List<EventData> out = new ArrayList<>();
          List<EventState> all = world.events();
          int i = (int) (after + 1);
          for (; i < all.size() && out.size() < limit; i++) {
            EventState e = all.get(i);
            if (filter.test(e)) {
              out.add(Views.event(e, nested ? markets(e, now) : null));
            }
          }
          boolean more = false;
          for (int j = i; j < all.size() && !more; j++) {
            more = filter.test(all.get(j));
          }
          return new EventsPage(out, null, more ? Cursor.encode("e", i - 1) : "");
        });
  }

  EventResponse get(String eventTicker, Query q) {
    boolean nested = q.bool("with_nested_markets");
    long now = clock.millis();
    return world.read(
        () -> {
          EventState e = world.event(eventTicker);
          if (e == null) {
            throw new ApiException(404, "event_not_found", "event not found");
          }
          List<Market> markets = markets(e, now);
          return new EventResponse(Views.event(e, nested ? markets : null), markets);
        });
  }

  private List<Market> markets(EventState e, long now) {
    long delay = world.params().determineDelay().toMillis();
    List<Market> out = new ArrayList<>();
    for (MarketState m : e.markets()) {
      out.add(Views.market(m, now, delay));
    }
    return out;
  }

  private static boolean closesAfter(EventState e, long millis) {
    for (MarketState m : e.markets()) {
      if (m.closeMillis() > millis) {
        return true;
      }
    }
    return false;
  }
}
