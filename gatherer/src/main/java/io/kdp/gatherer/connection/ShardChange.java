package io.kdp.gatherer.connection;

import java.util.List;

/**
 * One step that brings the orderbook connections to a new plan; {@link ShardPlanner#plan} returns
 * them in the order they must be applied (removals first, then additions; a connection is opened
 * before its subscriptions). Tickers are sorted.
 */
public sealed interface ShardChange {

  /** Open orderbook connection {@code connection}. */
  record OpenConnection(int connection) implements ShardChange {}

  /** {@code subscribe} to {@code orderbook_delta} for {@code tickers} in a new slot. */
  record Subscribe(Slot slot, List<String> tickers) implements ShardChange {}

  /** {@code update_subscription} {@code add_markets} on an existing slot. */
  record AddMarkets(Slot slot, List<String> tickers) implements ShardChange {}

  /** {@code update_subscription} {@code delete_markets} on a slot that keeps other markets. */
  record DeleteMarkets(Slot slot, List<String> tickers) implements ShardChange {}

  /** {@code unsubscribe} a slot whose last markets closed. */
  record Unsubscribe(Slot slot) implements ShardChange {}

  /** Close orderbook connection {@code connection}: it has no subscription left. */
  record CloseConnection(int connection) implements ShardChange {}
}
