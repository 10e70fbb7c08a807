package io.kdp.gatherer.connection;

import io.kdp.client.ws.SequenceGap;
import io.kdp.client.ws.WsSubscription;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a sequence gap asks for, by channel: a book gap fresh snapshots of its markets ({@code
 * get_snapshot}; the router closes the gap row when they arrive); a trade gap a REST back-fill of
 * the two minutes before it, and a lifecycle gap a registry reconciliation (the listener's), after
 * which their gap rows are closed. Runs on the connection manager's gap thread.
 */
final class GapHealer {

  private static final Logger log = LoggerFactory.getLogger(GapHealer.class);
  private static final long TRADE_BACKFILL_MICROS = 120_000_000L;
  private static final int SNAPSHOT_ATTEMPTS = 4;

  private final ConnectionListener listener;
  private final Function<String, WsSubscription> bookSubscriptionOf;

  /**
   * @param bookSubscriptionOf the book subscription a market is planned on (null if none)
   */
  GapHealer(ConnectionListener listener, Function<String, WsSubscription> bookSubscriptionOf) {
    this.listener = listener;
    this.bookSubscriptionOf = bookSubscriptionOf;
  }

  void heal(GathererConnection connection, SequenceGap gap) {
    if ("orderbook_delta".equals(gap.channel()) && !gap.markets().isEmpty()) {
      WsSubscription handle = bookSubscriptionOf.apply(gap.markets().getFirst());
      if (handle != null) {
        askSnapshot(connection, handle, gap, 1);
      }
    } else if ("trade".equals(gap.channel())) {
      listener.onTradeGap(
          channelGap(connection, gap),
          gap.detectedAtMicros() - TRADE_BACKFILL_MICROS,
          gap.detectedAtMicros());
    } else if ("market_lifecycle_v2".equals(gap.channel())) {
      listener.onLifecycleGap(channelGap(connection, gap));
    }
  }

  /**
   * Asks for the gap's snapshots; an unanswered request (a lost reply) is asked again, up to {@link
   * #SNAPSHOT_ATTEMPTS} times, so a gap row does not stay open for want of one reply. A request
   * that failed because the connection went away is not: the reconnect's fresh subscription
   * snapshots heal the books.
   */
  private void askSnapshot(
      GathererConnection connection, WsSubscription handle, SequenceGap gap, int attempt) {
    connection
        .client()
        .getSnapshot(handle, gap.markets())
        .exceptionally(
            e -> {
              Throwable cause =
                  e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
              if (!(cause instanceof TimeoutException)) {
                // the connection went away (closed, reconnecting): its new subscription's
                // snapshots heal the books; nothing to ask again here
                log.info(
                    "{}: get_snapshot after a gap not answered: {}",
                    connection.name,
                    cause.toString());
              } else if (attempt < SNAPSHOT_ATTEMPTS) {
                log.info(
                    "{}: get_snapshot after a gap unanswered; asking again (attempt {})",
                    connection.name,
                    attempt + 1);
                askSnapshot(connection, handle, gap, attempt + 1);
              } else {
                log.warn(
                    "{}: get_snapshot after a gap unanswered {} times; the gap stays open until the"
                        + " next reconnect or snapshot",
                    connection.name,
                    attempt);
              }
              return null;
            });
  }

  private static ChannelGap channelGap(GathererConnection connection, SequenceGap gap) {
    return new ChannelGap(
        connection.connectionId(gap.connection()),
        gap.sid(),
        gap.received(),
        gap.detectedAtMicros());
  }
}
