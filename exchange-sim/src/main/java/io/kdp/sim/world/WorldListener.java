package io.kdp.sim.world;

import io.kdp.client.ws.message.ChannelMessage;

/**
 * Receives everything the exchange emits, in the one total order of the engine, while the world
 * lock is held (so a listener that registers a subscriber under the same lock sees an exact cut).
 * Messages carry sid 0 and seq 0; subscribers number them.
 */
@FunctionalInterface
public interface WorldListener {

  /**
   * @param message the channel message body
   * @param exchangeMillis the exchange time at which it happened
   */
  void onMessage(ChannelMessage message, long exchangeMillis);

  /** Called once at the end of every engine step, still under the lock (e.g. to flush batches). */
  default void endOfStep() {}
}
