package io.kdp.client.ws.message;

/**
 * Every frame the Kalshi WebSocket server sends, decoded once. Three families: data on a subscribed
 * channel, replies to our commands, and frames we could not (or chose not to) decode, which are
 * kept whole with the reason rather than dropped.
 */
public sealed interface KalshiWsMessage permits ChannelMessage, CommandReply, RawFrame {

  /** Marks an absent exchange time (Kalshi's {@code ts_ms}/{@code ts} are optional). */
  long NO_TIME = Long.MIN_VALUE;

  /** Marks an absent {@code seq} (the {@code ticker} channel has none). */
  long NO_SEQ = 0L;
}
