package io.kdp.gatherer.connection;

/**
 * One {@code orderbook_delta} subscription position in the pool: the orderbook connection number
 * and the subscription's index on that connection (not Kalshi's {@code sid}, which changes on every
 * reconnect).
 */
public record Slot(int connection, int subscription) implements Comparable<Slot> {

  @Override
  public int compareTo(Slot o) {
    int c = Integer.compare(connection, o.connection);
    return c != 0 ? c : Integer.compare(subscription, o.subscription);
  }

  @Override
  public String toString() {
    return ConnectionNames.orderbook(connection) + "/" + subscription;
  }
}
