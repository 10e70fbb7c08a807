package io.kdp.sim.ws;

import io.kdp.client.ws.codec.WsFrameEncoder;
import io.kdp.client.ws.message.CommandReply;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: its subscriptions (sids from 1) and its outbound frames. Outbound is
 * bounded: at most {@code capacity} frames handed to Jetty and not yet written; a data frame that
 * does not fit drops its subscription with error 25 (Kalshi's slow-consumer policy), so a slow
 * client never costs unbounded memory. Subscriptions are touched only under the world lock.
 */
public final class WsSession implements Session.Listener.AutoDemanding {

  private static final Logger LOG = LoggerFactory.getLogger(WsSession.class);
  static final ByteBuffer HEARTBEAT =
      ByteBuffer.wrap("heartbeat".getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();

  private final FanOut fanOut;
  private final int capacity;
  private final AtomicInteger pending = new AtomicInteger();
  private final Callback written =
      Callback.from(pending::decrementAndGet, x -> pending.decrementAndGet());
  final Map<Integer, Subscription> subscriptions = new LinkedHashMap<>();
  int nextSid = 1;
  private final org.eclipse.jetty.util.Callback batched =
      org.eclipse.jetty.util.Callback.from(
          pending::decrementAndGet, x -> pending.decrementAndGet());
  private volatile Session session;
  private volatile CoreSession core;
  private boolean dirty;

  WsSession(FanOut fanOut, int capacity) {
    this.fanOut = fanOut;
    this.capacity = capacity;
  }

  @Override
  public void onWebSocketOpen(Session s) {
    this.session = s;
    this.core = s instanceof WebSocketSession ws ? ws.getCoreSession() : null;
    fanOut.opened(this);
  }

  @Override
  public void onWebSocketText(String text) {
    fanOut.command(this, text);
  }

  @Override
  public void onWebSocketClose(int status, String reason) {
    fanOut.closed(this);
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    LOG.debug("websocket error: {}", cause.toString());
  }

  /** Sends one channel message to every matching subscription (under the world lock). */
  void deliver(Channel channel, String ticker, String type, String body) {
    List<Subscription> overflowed = null;
    for (Subscription sub : subscriptions.values()) {
      if (sub.channel == channel && sub.matches(ticker)) {
        if (pending.get() >= capacity) {
          overflowed = overflowed == null ? new ArrayList<>() : overflowed;
          overflowed.add(sub);
          continue;
        }
        sendData(sub, type, 0, body);
      }
    }
    if (overflowed != null) {
      for (Subscription sub : overflowed) {
        drop(sub, 25, "Subscription buffer overflow");
      }
    }
  }

  /**
   * Sends a data frame on a subscription, numbering it; {@code id} is 0 unless it answers a
   * command.
   */
  void sendData(Subscription sub, String type, int id, String body) {
    fanOut.faults().send(this, sub, type, id, body);
  }

  /** Numbers and writes one data frame (the fault layer decides whether and how often). */
  void write(Subscription sub, String type, int id, String body) {
    sendBatched(WsFrameEncoder.envelope(type, id, sub.sid, sub.nextSeq(), body));
  }

  /**
   * Queues a data frame in Jetty's aggregate buffer without flushing: many small frames leave in
   * one write at the end of the engine step ({@link #flush}) instead of one syscall each.
   */
  void sendBatched(String frame) {
    CoreSession c = core;
    if (c == null) {
      sendRaw(frame);
      return;
    }
    Session s = session;
    if (s != null && s.isOpen()) {
      pending.incrementAndGet();
      dirty = true;
      c.sendFrame(new Frame(OpCode.TEXT, frame), batched, true);
    }
  }

  /** Writes what {@link #sendBatched} queued (under the world lock, end of step or command). */
  void flush() {
    CoreSession c = core;
    if (dirty && c != null) {
      dirty = false;
      c.flush(org.eclipse.jetty.util.Callback.NOOP);
    }
  }

  /** Ends a subscription with a terminal error (25 slow consumer, 10 channel error). */
  void drop(Subscription sub, int code, String message) {
    subscriptions.remove(sub.sid);
    reply(new CommandReply.Error(0, sub.sid, code, message, null));
  }

  /** Sends a command reply; replies are not counted against the data bound. */
  void reply(CommandReply reply) {
    sendRaw(WsFrameEncoder.encode(reply));
  }

  void sendRaw(String frame) {
    Session s = session;
    if (s != null && s.isOpen()) {
      pending.incrementAndGet();
      s.sendText(frame, written);
    }
  }

  void ping() {
    Session s = session;
    if (s != null && s.isOpen()) {
      s.sendPing(HEARTBEAT.duplicate(), Callback.NOOP);
    }
  }

  /** Closes the connection abruptly (no close frame), as a network drop would. */
  void disconnect() {
    Session s = session;
    if (s != null) {
      s.disconnect();
    }
  }

  /** Frames handed to Jetty and not yet written. */
  int pending() {
    return pending.get();
  }
}
