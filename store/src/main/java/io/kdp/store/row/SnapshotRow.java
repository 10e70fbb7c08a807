package io.kdp.store.row;

import io.kdp.client.ws.message.Level;
import java.util.List;

/**
 * One stored full book of a market, from the WebSocket ({@code orderbook_snapshot}, {@link
 * FeedSource#WS}) or the REST poller ({@link FeedSource#REST}). Levels are bids per side, as Kalshi
 * sends them, ascending by price.
 *
 * @param exchangeTimeMicros Unix µs, or {@link io.kdp.client.ws.message.KalshiWsMessage#NO_TIME}
 * @param receivedAtMicros Unix µs on the gatherer's clock
 */
public record SnapshotRow(
    String market,
    FeedSource source,
    List<Level> yes,
    List<Level> no,
    long exchangeTimeMicros,
    long receivedAtMicros,
    Provenance provenance)
    implements StreamRow {

  public SnapshotRow {
    yes = List.copyOf(yes);
    no = List.copyOf(no);
  }
}
