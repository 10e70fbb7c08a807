package io.kdp.sim.ws;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One subscription of one connection: its sid, channel, markets (null = every market) and the last
 * seq it was sent. Touched only under the world lock.
 */
final class Subscription {

  final int sid;
  final Channel channel;
  final String channelName;
  final Set<String> markets;
  long seq;

  Subscription(int sid, Channel channel, String channelName, Set<String> markets) {
    this.sid = sid;
    this.channel = channel;
    this.channelName = channelName;
    this.markets = markets == null ? null : new LinkedHashSet<>(markets);
  }

  boolean matches(String ticker) {
    return markets == null || ticker == null || markets.contains(ticker);
  }

  /** The next seq for a sequenced channel, or 0 (no seq) for {@code ticker}. */
  long nextSeq() {
    return channel != null && channel.sequenced ? ++seq : 0;
  }
}
