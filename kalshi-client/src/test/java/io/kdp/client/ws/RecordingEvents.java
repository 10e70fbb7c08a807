package io.kdp.client.ws;

import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.client.ws.message.RawFrame;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Turns client callbacks into lists the tests compare whole. */
class RecordingEvents implements WsEvents, WsFrameSink {

  record Shard(WsSubscription subscription, List<String> markets, int code) {}

  final List<WsConnectionState> states = new CopyOnWriteArrayList<>();
  final List<ChannelMessage> messages = new CopyOnWriteArrayList<>();
  final List<Long> messageConnections = new CopyOnWriteArrayList<>();
  final List<SequenceGap> gaps = new CopyOnWriteArrayList<>();
  final List<CommandReply> replies = new CopyOnWriteArrayList<>();
  final List<RawFrame> raw = new CopyOnWriteArrayList<>();
  final List<Shard> shards = new CopyOnWriteArrayList<>();
  final List<String> journal = new CopyOnWriteArrayList<>();
  final List<io.kdp.client.rest.KalshiAuthException> failures = new CopyOnWriteArrayList<>();
  final List<long[]> heartbeats = new CopyOnWriteArrayList<>();

  @Override
  public void onFailed(io.kdp.client.rest.KalshiAuthException error) {
    failures.add(error);
  }

  @Override
  public void onHeartbeat(long receivedAtMicros, long connection) {
    heartbeats.add(new long[] {receivedAtMicros, connection});
  }

  @Override
  public void onMessage(ChannelMessage message, long receivedAtMicros, long connection) {
    messages.add(message);
    messageConnections.add(connection);
  }

  @Override
  public void onReply(CommandReply reply) {
    replies.add(reply);
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
    journal.add(text);
  }

  static long micros(InstantSource clock) {
    Instant t = clock.instant();
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  /** A clock the test moves by hand. */
  static final class ManualClock implements InstantSource {
    private volatile Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    void advanceSeconds(long s) {
      now = now.plusSeconds(s);
    }
  }
}
