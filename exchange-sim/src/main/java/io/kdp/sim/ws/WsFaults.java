package io.kdp.sim.ws;

import io.kdp.client.ws.codec.WsFrameEncoder;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WebSocket faults armed by the admin API or {@code --faults}: the next N sequenced data frames
 * skip a seq number, are sent twice, or are held back and sent late (after frames with higher seq);
 * pings can be stopped. Every data frame passes through {@link #send}.
 */
public final class WsFaults {

  private final AtomicInteger skips = new AtomicInteger();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final AtomicInteger delays = new AtomicInteger();
  private final AtomicLong delayMillis = new AtomicLong(500);
  private final AtomicBoolean pingsStopped = new AtomicBoolean();
  private final ScheduledExecutorService scheduler;

  WsFaults(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** The next {@code n} sequenced data frames each skip one seq number. */
  public void skipSeq(int n) {
    skips.addAndGet(n);
  }

  /** The next {@code n} sequenced data frames are each sent twice. */
  public void duplicate(int n) {
    duplicates.addAndGet(n);
  }

  /** The next {@code n} sequenced data frames are each sent {@code millis} late. */
  public void delay(int n, long millis) {
    delayMillis.set(millis);
    delays.addAndGet(n);
  }

  /** Stops (true) or resumes (false) the heartbeat pings. */
  public void stopPings(boolean stopped) {
    pingsStopped.set(stopped);
  }

  boolean pingsStopped() {
    return pingsStopped.get();
  }

  /** Clears every armed frame fault and resumes pings. */
  public void clear() {
    skips.set(0);
    duplicates.set(0);
    delays.set(0);
    pingsStopped.set(false);
  }

  void send(WsSession session, Subscription sub, String type, int id, String body) {
    if (!sub.channel.sequenced
        || (skips.get() == 0 && duplicates.get() == 0 && delays.get() == 0)) {
      session.write(sub, type, id, body);
      return;
    }
    if (take(skips)) {
      sub.seq++;
    }
    if (take(delays)) {
      String frame = WsFrameEncoder.envelope(type, id, sub.sid, sub.nextSeq(), body);
      scheduler.schedule(() -> session.sendRaw(frame), delayMillis.get(), TimeUnit.MILLISECONDS);
      return;
    }
    if (take(duplicates)) {
      String frame = WsFrameEncoder.envelope(type, id, sub.sid, sub.nextSeq(), body);
      session.sendBatched(frame);
      session.sendBatched(frame);
      return;
    }
    session.write(sub, type, id, body);
  }

  private static boolean take(AtomicInteger counter) {
    return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}
