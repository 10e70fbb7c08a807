package io.kdp.client.ws;

import io.kdp.client.auth.RequestSigner;
import io.kdp.client.ws.codec.WsFrameDecoder;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.OrderbookSnapshot;
import io.kdp.client.ws.message.RawFrame;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection of a {@link KalshiWsClient}: the Jetty listener (public, as Jetty
 * requires), its command ids and its per-sid seq positions. Jetty's threads only timestamp a frame
 * and hand it to the client's thread; the next frame is demanded once that thread has decoded it
 * (once), handed it to the frame sink and delivered it, so at most one frame per connection waits
 * in between. Pings are answered at once (and count as liveness).
 */
public final class WsSession implements Session.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(WsSession.class);

  private final long connection;
  private final KalshiWsClient owner;
  private final Executor loop;
  private final InstantSource clock;
  private final WsFrameDecoder decoder;
  private final SeqTracker seq = new SeqTracker();
  private volatile Session session;
  CommandCorrelator commands; // set by the owner on open, on the loop

  WsSession(
      long connection,
      KalshiWsClient owner,
      Executor loop,
      InstantSource clock,
      WsFrameDecoder decoder) {
    this.connection = connection;
    this.owner = owner;
    this.loop = loop;
    this.clock = clock;
    this.decoder = decoder;
  }

  /** The upgrade request, freshly signed ({@code GET <path>}) when there is a signer. */
  static ClientUpgradeRequest upgradeRequest(RequestSigner signer, URI uri) {
    ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
    if (signer != null) {
      RequestSigner.AuthHeaders h = signer.sign("GET", uri.getPath());
      request.setHeader(RequestSigner.KEY_HEADER, h.keyId());
      request.setHeader(RequestSigner.TIMESTAMP_HEADER, h.timestampMillis());
      request.setHeader(RequestSigner.SIGNATURE_HEADER, h.signature());
    }
    return request;
  }

  long connection() {
    return connection;
  }

  SeqTracker seq() {
    return seq;
  }

  @Override
  public void onWebSocketOpen(Session s) {
    session = s;
    run(() -> owner.opened(this));
  }

  @Override
  public void onWebSocketText(String text) {
    long at = micros(clock.instant());
    run(() -> handle(text, at));
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    long at = micros(clock.instant());
    String text = StandardCharsets.UTF_8.decode(payload).toString();
    callback.succeed();
    run(() -> handle(text, at));
  }

  @Override
  public void onWebSocketPing(ByteBuffer payload) {
    Session s = session;
    long at = micros(clock.instant());
    run(() -> owner.heartbeat(this, at));
    s.sendPong(payload, Callback.NOOP);
    s.demand();
  }

  @Override
  public void onWebSocketPong(ByteBuffer payload) {
    long at = micros(clock.instant());
    run(() -> owner.heartbeat(this, at));
    session.demand();
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason, Callback callback) {
    callback.succeed();
    run(() -> owner.closed(this, "closed by server: " + statusCode + " " + reason));
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    run(() -> owner.socketError(this, cause));
  }

  void send(String text) {
    Session s = session;
    s.sendText(text, Callback.from(() -> {}, t -> run(() -> owner.closed(this, "send: " + t))));
  }

  void demand() {
    Session s = session;
    if (s != null && s.isOpen()) {
      s.demand();
    }
  }

  /** A polite close (deliberate stop). */
  void close(String reason) {
    Session s = session;
    if (s != null && s.isOpen()) {
      s.close(StatusCode.NORMAL, reason, Callback.NOOP);
    }
  }

  /** Drops the socket without a close handshake (a dead or abandoned connection). */
  void abort() {
    Session s = session;
    if (s != null) {
      s.disconnect();
    }
  }

  private void handle(String text, long at) {
    KalshiWsMessage message = decoder.decode(text); // never throws; the sink and dispatch share it
    try {
      owner.sink.onFrame(text, message, at, connection);
    } catch (RuntimeException e) {
      LOG.warn("connection {}: frame sink failed: {}", connection, e.toString(), e);
    }
    try {
      if (owner.current() == this) {
        dispatch(message, at);
      }
    } catch (RuntimeException e) {
      LOG.warn("connection {}: frame handling failed: {}", connection, e.toString(), e);
    } finally {
      demand();
    }
  }

  private void dispatch(KalshiWsMessage message, long at) {
    owner.alive(this);
    WsEvents events = owner.events;
    switch (message) {
      case ChannelMessage m -> {
        if (m.seq() != KalshiWsMessage.NO_SEQ && m.sid() != 0) {
          switch (seq.observe(m.sid(), m.seq())) {
            case DUPLICATE -> {
              owner.stats().duplicates.increment();
              return;
            }
            case GAP -> gap(m);
            case IN_ORDER -> {}
          }
        }
        owner.stats().messages.increment();
        events.onMessage(m, at, connection);
        if (m instanceof OrderbookSnapshot snap && snap.commandId() != 0 && commands != null) {
          // Kalshi answers get_snapshot with the snapshots themselves, carrying the command's id
          commands.complete(new CommandReply.Ok(snap.commandId(), snap.sid(), snap.seq(), null));
        }
      }
      case CommandReply r -> {
        switch (r) {
          case CommandReply.Ok ok when ok.sid() != 0 -> seq.observeReply(ok.sid(), ok.seq());
          case CommandReply.Unsubscribed u -> seq.forget(u.sid());
          default -> {}
        }
        CommandCorrelator.Sent sent = r.id() == 0 || commands == null ? null : commands.complete(r);
        SubscriptionSync.replied(owner, this, r, sent);
        events.onReply(r);
      }
      case RawFrame f -> {
        owner.stats().rawFrames.increment();
        events.onRawFrame(f, at, connection);
      }
    }
  }

  private void gap(ChannelMessage m) {
    owner.stats().gaps.increment();
    SubscriptionRegistry.Entry e = owner.registry.bySid(m.sid());
    owner.events.onGap(
        new SequenceGap(
            connection,
            m.sid(),
            e == null ? null : e.handle.channel(),
            seq.expectedOnGap(),
            m.seq(),
            e == null ? List.of() : e.markets(),
            micros(clock.instant())));
  }

  private void run(Runnable task) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException closed) {
      abort();
    }
  }

  static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }
}
