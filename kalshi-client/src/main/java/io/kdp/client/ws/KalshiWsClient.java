package io.kdp.client.ws;

import io.kdp.client.auth.RequestSigner;
import io.kdp.client.rest.KalshiAuthException;
import io.kdp.client.ws.CommandCorrelator.Sent;
import io.kdp.client.ws.SubscriptionRegistry.Entry;
import io.kdp.client.ws.codec.WsFrameDecoder;
import io.kdp.client.ws.message.CommandReply;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kalshi WebSocket client: keeps one connection alive and the owner's desired subscriptions on it.
 * Signs every upgrade afresh, replays the {@link SubscriptionRegistry} after each reconnect (sids
 * are per connection), tracks seq per sid ({@link SequenceGap} events, duplicates dropped), watches
 * for idleness on the injected clock and reconnects with capped, jittered {@link Backoff} that
 * resets once every subscription is acknowledged. Errors 10 and 25 resubscribe; error 26 is handed
 * to the owner as "shard further". An upgrade refused with 401/403 is permanent: the client goes to
 * {@link WsConnectionState#FAILED} with a {@link KalshiAuthException} ({@link #failure()}, {@link
 * WsEvents#onFailed}) instead of reconnecting; 429, 5xx and I/O failures back off. {@link #close()}
 * is a stop, not a drop.
 *
 * <p>All state lives on one thread per client ({@code kalshi-ws-N}); public methods may be called
 * from any thread, including from inside {@link WsEvents} callbacks.
 */
public final class KalshiWsClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KalshiWsClient.class);
  private static final long MAX_FRAME = 64L << 20;

  private final WsClientConfig config;
  private final WebSocketClient jetty;
  private final boolean ownsJetty;
  final WsEvents events;
  final WsFrameSink sink;
  final ClientLoop loop;
  final SubscriptionRegistry registry = new SubscriptionRegistry();
  private final Backoff backoff;
  private final WsFrameDecoder decoder = new WsFrameDecoder();
  private final WsStats stats = new WsStats();
  private volatile WsConnectionState state = WsConnectionState.DISCONNECTED;
  private volatile KalshiAuthException failure;
  private WsSession current;
  private String upgradeKeyId; // the key id the latest upgrade was signed with (not secret)
  private long connections;
  private long lastFrameMillis;

  private KalshiWsClient(
      WsClientConfig config, WebSocketClient jetty, WsEvents events, WsFrameSink sink) {
    this.config = config;
    this.ownsJetty = jetty == null;
    this.jetty = ownsJetty ? new WebSocketClient() : jetty;
    this.events = new SafeEvents(events);
    this.sink = sink;
    this.backoff = new Backoff(config.backoffInitial(), config.backoffMax(), config.random());
    this.loop = ClientLoop.named("kalshi-ws-" + config.uri());
  }

  /**
   * A client that is not connected yet ({@link #start()}).
   *
   * @param jetty a started, shared Jetty client, or null to create and own one
   */
  public static KalshiWsClient open(
      WsClientConfig config, WebSocketClient jetty, WsEvents events, WsFrameSink sink)
      throws Exception {
    KalshiWsClient c = new KalshiWsClient(config, jetty, events, sink);
    if (c.ownsJetty) {
      c.jetty.setMaxTextMessageSize(MAX_FRAME);
      c.jetty.setIdleTimeout(config.idleTimeout().multipliedBy(3));
      c.jetty.setConnectTimeout(config.commandTimeout().toMillis());
      c.jetty.start();
    }
    return c;
  }

  /** Connects; from here on the client reconnects by itself until {@link #close()}. */
  public void start() {
    loop.call(
        () -> {
          if (state == WsConnectionState.DISCONNECTED) {
            long every = config.watchdogInterval().toMillis();
            loop.scheduleWithFixedDelay(this::watchdog, every, every, TimeUnit.MILLISECONDS);
            connect();
          }
          return null;
        });
  }

  public WsConnectionState state() {
    return state;
  }

  public WsStats stats() {
    return stats;
  }

  /** Why the client stopped for good when it is {@link WsConnectionState#FAILED}, else null. */
  public KalshiAuthException failure() {
    return failure;
  }

  /** Adds a desired subscription; it is subscribed now if connected, and after every reconnect. */
  public WsSubscription subscribe(String channel, Collection<String> markets) {
    return subscribe(channel, markets, false);
  }

  /** As {@link #subscribe(String, Collection)}, asking for {@code send_initial_snapshot}. */
  public WsSubscription subscribe(
      String channel, Collection<String> markets, boolean initialSnapshot) {
    return loop.call(
        () -> {
          WsSubscription handle = registry.add(channel, markets, initialSnapshot);
          if (connected()) {
            SubscriptionSync.subscribe(this, registry.get(handle));
            updateLive("subscribe " + channel);
          }
          return handle;
        });
  }

  /** The markets currently desired on {@code subscription} (empty once it was removed). */
  public List<String> markets(WsSubscription subscription) {
    return loop.call(
        () -> {
          Entry e = registry.get(subscription);
          return e == null ? List.<String>of() : e.markets();
        });
  }

  /**
   * Adds markets ({@code update_subscription add_markets}). The future completes with the server's
   * reply, or with null when the subscription has no sid right now (the markets are then part of
   * the next subscribe).
   */
  public CompletableFuture<CommandReply> addMarkets(WsSubscription sub, Collection<String> add) {
    return SubscriptionSync.update(this, sub, WsCommands.ADD_MARKETS, add);
  }

  /** Removes markets ({@code update_subscription delete_markets}); see {@link #addMarkets}. */
  public CompletableFuture<CommandReply> deleteMarkets(WsSubscription sub, Collection<String> del) {
    return SubscriptionSync.update(this, sub, WsCommands.DELETE_MARKETS, del);
  }

  /**
   * Asks for fresh {@code orderbook_snapshot}s ({@code update_subscription get_snapshot}); fails
   * when the subscription has no sid on the current connection. Completes with the first reply
   * carrying the command's id: an {@code ok}, or (as Kalshi answers it) the first snapshot, then as
   * an {@code ok} of that snapshot's sid and seq; the snapshots themselves reach the events.
   */
  public CompletableFuture<CommandReply> getSnapshot(WsSubscription sub, Collection<String> mkts) {
    return SubscriptionSync.update(this, sub, WsCommands.GET_SNAPSHOT, mkts);
  }

  /** Removes a desired subscription and unsubscribes its sid if it has one. */
  public CompletableFuture<CommandReply> unsubscribe(WsSubscription sub) {
    return SubscriptionSync.unsubscribe(this, sub);
  }

  /** {@code list_subscriptions} on the current connection. */
  public CompletableFuture<CommandReply> listSubscriptions() {
    return loop.callAsync(
        () ->
            SubscriptionSync.command(
                this,
                new Sent("list_subscriptions", null, List.of()),
                WsCommands::listSubscriptions));
  }

  /** Stops for good: closes the socket politely, fails waiting commands, never reconnects. */
  @Override
  public void close() {
    try {
      if (loop.inLoop()) {
        stop();
      } else if (!loop.isShutdown()) {
        loop.submit(this::stop).get();
      }
      loop.shutdown();
      if (ownsJetty) {
        jetty.stop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("{}: close: {}", config.uri(), e.toString());
    }
  }

  // ---- on the loop thread from here on ----

  private void stop() {
    setState(WsConnectionState.CLOSED, "close()");
    if (current != null) {
      WsSession s = current;
      current = null;
      if (s.commands != null) {
        s.commands.failAll(new IOException("client closed"));
      }
      s.close("client closed");
    }
    loop.shutdown();
  }

  private void connect() {
    if (state == WsConnectionState.CLOSED || state == WsConnectionState.FAILED) {
      return;
    }
    connections++;
    stats.connects.increment();
    setState(WsConnectionState.CONNECTING, "connection " + connections);
    WsSession s = new WsSession(connections, this, loop, config.clock(), decoder);
    current = s;
    lastFrameMillis = config.clock().millis(); // an unanswered upgrade counts as idle too
    try {
      var request = WsSession.upgradeRequest(config.signer(), config.uri());
      String keyId = request.getHeader(RequestSigner.KEY_HEADER);
      upgradeKeyId = keyId;
      jetty
          .connect(s, request)
          .whenComplete(
              (session, failed) -> {
                if (failed != null) {
                  loop.execute(() -> connectFailed(s, failed, keyId));
                }
              });
    } catch (IOException | RuntimeException e) {
      closed(s, "connect failed: " + e);
    }
  }

  /**
   * An error on {@code s}'s socket. Jetty may report a refused upgrade here before the connect
   * future fails, so a refused upgrade is classified the same way on either path.
   */
  void socketError(WsSession s, Throwable cause) {
    if (UpgradeFailure.status(cause) != 0) {
      connectFailed(s, cause, upgradeKeyId);
    } else {
      closed(s, "socket error: " + cause);
    }
  }

  private void connectFailed(WsSession s, Throwable failed, String keyId) {
    KalshiAuthException refused = UpgradeFailure.permanent(failed, config.uri(), keyId);
    if (refused == null) {
      closed(s, "connect failed: " + failed);
    } else if (s == current && state != WsConnectionState.CLOSED) {
      current = null;
      s.abort();
      failure = refused;
      LOG.error("{}: {}", config.uri(), refused.getMessage());
      setState(WsConnectionState.FAILED, "upgrade refused with HTTP " + refused.status());
      events.onFailed(refused);
    }
  }

  void opened(WsSession s) {
    if (s != current) {
      s.abort();
      return;
    }
    s.commands = new CommandCorrelator(loop, config.commandTimeout(), this::commandTimedOut);
    lastFrameMillis = config.clock().millis();
    registry.connectionLost();
    setState(WsConnectionState.SUBSCRIBING, "connected");
    registry.entries().forEach(e -> SubscriptionSync.subscribe(this, e));
    updateLive("connected");
    s.demand();
  }

  void closed(WsSession s, String reason) {
    if (s != current || state == WsConnectionState.CLOSED || state == WsConnectionState.FAILED) {
      return;
    }
    current = null;
    s.abort();
    if (s.commands != null) {
      s.commands.failAll(new IOException("connection lost: " + reason));
    }
    registry.connectionLost();
    long delay = backoff.nextDelayMillis();
    setState(WsConnectionState.BACKOFF, reason + "; reconnect in " + delay + " ms");
    loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
  }

  void alive(WsSession s) {
    if (s == current) {
      lastFrameMillis = config.clock().millis();
    }
  }

  /** A ping or pong received at {@code atMicros}: alive, and the owner hears of it. */
  void heartbeat(WsSession s, long atMicros) {
    if (s == current) {
      lastFrameMillis = config.clock().millis();
      events.onHeartbeat(atMicros, s.connection());
    }
  }

  WsSession current() {
    return current;
  }

  void updateLive(String reason) {
    if (state == WsConnectionState.SUBSCRIBING || state == WsConnectionState.LIVE) {
      boolean live = registry.allAcknowledged();
      if (live && state == WsConnectionState.SUBSCRIBING) {
        backoff.reset();
      }
      setState(live ? WsConnectionState.LIVE : WsConnectionState.SUBSCRIBING, reason);
    }
  }

  private void commandTimedOut(Sent sent) {
    LOG.warn("{}: {} unanswered", config.uri(), sent.cmd());
    if (sent.cmd().equals("subscribe") && current != null) {
      closed(current, "subscribe unanswered in " + config.commandTimeout().toMillis() + " ms");
    }
  }

  private void watchdog() {
    if ((state == WsConnectionState.CONNECTING
            || state == WsConnectionState.SUBSCRIBING
            || state == WsConnectionState.LIVE)
        && current != null) {
      long idle = config.clock().millis() - lastFrameMillis;
      if (idle > config.idleTimeout().toMillis()) {
        closed(current, "idle: no frame for " + Duration.ofMillis(idle));
      }
    }
  }

  boolean connected() {
    return current != null && current.commands != null;
  }

  private void setState(WsConnectionState to, String reason) {
    WsConnectionState from = state;
    if (from != to) {
      state = to;
      LOG.info("{}: {} -> {} ({})", config.uri(), from, to, reason);
      events.onStateChange(from, to, reason);
    }
  }
}
