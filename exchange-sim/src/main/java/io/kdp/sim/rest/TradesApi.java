package io.kdp.sim.rest;

import io.kdp.client.rest.wire.Trade;
import io.kdp.client.rest.wire.TradesPage;
import io.kdp.sim.world.MarketState;
import io.kdp.sim.world.TradeRecord;
import io.kdp.sim.world.World;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /markets/trades}: the public tape, newest first, filtered by {@code ticker}, {@code
 * min_ts}, {@code max_ts} (Unix seconds, inclusive). The cursor is the tape number of the last
 * trade returned; the next page holds older trades only, so new trades never shift a page.
 */
final class TradesApi {

  private final World world;

  TradesApi(World world) {
    this.world = world;
  }

  TradesPage list(Query q) {
    int limit = q.limit(100, 1000);
    String ticker = q.string("ticker");
    Long minTs = q.longValue("min_ts");
    Long maxTs = q.longValue("max_ts");
    long before = Cursor.decode(q.string("cursor"), "t", Long.MAX_VALUE);
    long minMicros = minTs == null ? Long.MIN_VALUE : minTs * 1_000_000;
    long maxMicros = maxTs == null ? Long.MAX_VALUE : maxTs * 1_000_000 + 999_999;
    return world.read(
        () -> {
          List<TradeRecord> tape;
          if (ticker == null) {
            tape = world.tape().trades();
          } else {
            MarketState m = world.market(ticker);
            tape = m == null ? List.of() : m.trades();
          }
          List<Trade> out = new ArrayList<>();
          long last = 0;
          int i = lastBefore(tape, before);
          for (; i >= 0 && out.size() < limit; i--) {
            TradeRecord t = tape.get(i);
            if (t.timeMicros() < minMicros) {
              i = -1;
              break;
            }
            if (t.timeMicros() <= maxMicros) {
              out.add(Views.trade(t));
              last = t.number();
            }
          }
          boolean more = false;
          for (; i >= 0 && !more; i--) {
            long time = tape.get(i).timeMicros();
            if (time < minMicros) {
              break;
            }
            more = time <= maxMicros;
          }
          return new TradesPage(out, more ? Cursor.encode("t", last) : "");
        });
  }

  /** Index of the newest trade whose number is below {@code before}, or -1. */
  private static int lastBefore(List<TradeRecord> tape, long before) {
    int lo = 0;
    int hi = tape.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tape.get(mid).number() < before) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }
}
