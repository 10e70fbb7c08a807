package io.kdp.gatherer.connection;

import io.kdp.client.ws.message.ChannelMessage;

/** What the gatherer hears from its {@link ConnectionManager}. */
public interface ConnectionListener {
  /** A lifecycle (or other non-book) message, on the connection's thread: do not block. */
  void onLifecycle(ChannelMessage message);

  /** The trade stream was down between these times (Unix µs): back-fill that window. */
  void onTradeOutage(long fromMicros, long toMicros);

  /**
   * A seq gap on the trade stream: back-fill {@code [fromMicros, toMicros]}, then close the gap's
   * rows ({@code gap}).
   */
  void onTradeGap(ChannelGap gap, long fromMicros, long toMicros);

  /** A seq gap on the lifecycle stream: reconcile the registry, then close the gap's rows. */
  void onLifecycleGap(ChannelGap gap);
}
