package io.kdp.bench.e2e;

import io.kdp.client.ws.SequenceGap;
import io.kdp.client.ws.WsConnectionState;
import io.kdp.client.ws.WsEvents;
import io.kdp.client.ws.WsFrameSink;
import io.kdp.client.ws.WsSubscription;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.client.ws.message.RawFrame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Client callbacks as lists, for whole-list assertions. */
final class Recorder implements WsEvents, WsFrameSink {

  record Delivered(long connection, ChannelMessage message) {}

  record Shard(WsSubscription subscription, List<String> markets, int code) {}

  final List<Delivered> delivered = new CopyOnWriteArrayList<>();
  final List<SequenceGap> gaps = new CopyOnWriteArrayList<>();
  final List<WsConnectionState> states = new CopyOnWriteArrayList<>();
  final List<RawFrame> raw = new CopyOnWriteArrayList<>();
  final List<Shard> shards = new CopyOnWriteArrayList<>();
  final AtomicLong journaled = new AtomicLong();

  @Override
  public void onMessage(ChannelMessage message, long receivedAtMicros, long connection) {
    delivered.add(new Delivered(connection, message));
  }

  @Override
  public void onRawFrame(RawFrame frame, long receivedAtMicros, long connection) {
    raw.add(frame);
  }

  @Override
  public void onGap(SequenceGap gap) {
    gaps.add(gap);
  }

  @Override
  public void onStateChange(WsConnectionState from, WsConnectionState to, String reason) {
    states.add(to);
  }

  @Override
  public void onShardFurther(
      WsSubscription subscription, List<String> markets, CommandReply.Error error) {
    shards.add(new Shard(subscription, markets, error.code()));
  }

  @Override
  public void onFrame(String text, long receivedAtMicros, long connection) {
    journaled.incrementAndGet();
  }

  List<ChannelMessage> on(long connection) {
    return delivered.stream()
        .filter(d -> d.connection() == connection)
        .map(Delivered::message)
        .toList();
  }
}
