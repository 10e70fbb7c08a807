package io.kdp.gatherer.connection;

import io.kdp.client.rest.KalshiAuthException;
import io.kdp.client.ws.KalshiWsClient;
import io.kdp.client.ws.SequenceGap;
import io.kdp.client.ws.WsClientConfig;
import io.kdp.client.ws.WsConnectionState;
import io.kdp.client.ws.WsEvents;
import io.kdp.client.ws.WsFrameSink;
import io.kdp.client.ws.WsSubscription;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.gatherer.metrics.GathererMetrics;
import io.kdp.gatherer.router.ConnectionTag;
import io.kdp.gatherer.router.LiveRouting;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One named WebSocket connection of the gatherer ({@code ob-N}, {@code trade}, {@code ticker},
 * {@code lifecycle}) over a {@link KalshiWsClient}: every frame goes to the journal and router
 * tagged with a gatherer-unique connection id (new on every reconnect); gaps ask for fresh
 * snapshots; drops are counted and reported to the owner with their time window.
 */
final class GathererConnection implements WsEvents, WsFrameSink {

  private static final Logger log = LoggerFactory.getLogger(GathererConnection.class);

  /** What a connection tells the connection manager. */
  interface Owner {
    void onChannelMessage(String connection, ChannelMessage message);

    void onGap(GathererConnection connection, SequenceGap gap);

    /** The connection was not live between these times (Unix µs). */
    void onOutage(String connection, long fromMicros, long toMicros);

    /**
     * Error 26: the exchange refused {@code markets} on {@code subscription}; {@code wholeSlot}
     * when it refused the subscribe (the subscription is gone), else an {@code add_markets}.
     */
    void onMarketLimit(
        String connection, WsSubscription subscription, List<String> markets, boolean wholeSlot);

    /** The exchange refused the key on the upgrade: the connection stopped for good. */
    void onRefused(String connection, KalshiAuthException error);
  }

  final String name;
  private final KalshiWsClient client;
  private final LiveRouting routing;
  private final GathererMetrics metrics;
  private final ConnectionIds ids;
  private final Owner owner;
  private final WsClientConfig config;
  private final Map<Long, String> tags = new ConcurrentHashMap<>();
  private final Map<Long, Long> tagIds = new ConcurrentHashMap<>();
  private final boolean book;
  private volatile long downSinceMicros = -1;

  /**
   * The first attempt's outcome: connected ({@code SUBSCRIBING}/{@code LIVE}), backed off or
   * failed.
   */
  final CompletableFuture<WsConnectionState> firstOutcome = new CompletableFuture<>();

  GathererConnection(
      String name,
      WsClientConfig config,
      WebSocketClient jetty,
      LiveRouting routing,
      GathererMetrics metrics,
      ConnectionIds ids,
      Owner owner)
      throws Exception {
    this.name = name;
    this.book = ConnectionNames.isOrderbook(name);
    this.config = config;
    this.routing = routing;
    this.metrics = metrics;
    this.ids = ids;
    this.owner = owner;
    this.client = KalshiWsClient.open(config, jetty, this, this);
  }

  /**
   * Treats the connection as down since {@code micros} until it first goes live, so that window is
   * reported as an outage (a fresh start, or the end of an exchange maintenance).
   */
  void downSince(long micros) {
    downSinceMicros = micros;
  }

  /**
   * The gatherer-wide id of the client's connection number {@code n} (-1 before its first frame).
   */
  long connectionId(long n) {
    Long id = tagIds.get(n);
    return id == null ? -1 : id;
  }

  KalshiWsClient client() {
    return client;
  }

  void start() {
    client.start();
  }

  WsConnectionState state() {
    return client.state();
  }

  @Override
  public void onFrame(String text, long receivedMicros, long connection) {
    onFrame(text, null, receivedMicros, connection);
  }

  /** Journals and routes the frame; the router reuses the client's decoding of it. */
  @Override
  public void onFrame(String text, KalshiWsMessage decoded, long receivedMicros, long connection) {
    String tag = tag(connection);
    metrics.frameReceived(name);
    try {
      routing.onFrame(tag, text, decoded, receivedMicros);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (book) {
      routing.liveness().alive(tagIds.get(connection), receivedMicros);
    }
  }

  private String tag(long connection) {
    return tags.computeIfAbsent(
        connection,
        c -> {
          long id = ids.next();
          tagIds.put(c, id);
          return new ConnectionTag(name, id).format();
        });
  }

  @Override
  public void onHeartbeat(long receivedAtMicros, long connection) {
    if (book) {
      tag(connection);
      routing.liveness().alive(tagIds.get(connection), receivedAtMicros);
    }
  }

  @Override
  public void onMessage(ChannelMessage message, long receivedAtMicros, long connection) {
    owner.onChannelMessage(name, message);
  }

  @Override
  public void onGap(SequenceGap gap) {
    owner.onGap(this, gap);
  }

  @Override
  public void onStateChange(WsConnectionState from, WsConnectionState to, String reason) {
    long now = micros();
    if (to != WsConnectionState.CONNECTING) {
      firstOutcome.complete(to);
    }
    if (book
        && (to == WsConnectionState.BACKOFF
            || to == WsConnectionState.CLOSED
            || to == WsConnectionState.FAILED)) {
      tagIds.values().forEach(routing.liveness()::ended); // the socket is gone: final watermarks
    }
    if (to == WsConnectionState.BACKOFF) {
      metrics.reconnects(name).increment();
      if (downSinceMicros < 0) {
        downSinceMicros = now;
      }
    } else if (to == WsConnectionState.LIVE && downSinceMicros >= 0) {
      long since = downSinceMicros;
      downSinceMicros = -1;
      owner.onOutage(name, since, now);
    }
  }

  @Override
  public void onShardFurther(
      WsSubscription subscription, List<String> markets, CommandReply.Error error) {
    metrics.malformedFrames("market_limit_exceeded").increment();
    boolean wholeSlot = client.markets(subscription).isEmpty();
    owner.onMarketLimit(name, subscription, markets, wholeSlot);
  }

  @Override
  public void onFailed(KalshiAuthException error) {
    owner.onRefused(name, error);
  }

  @Override
  public void onSubscriptionRejected(WsSubscription subscription, CommandReply.Error error) {
    log.error(
        "{}: subscription {} rejected: {} {}", name, subscription, error.code(), error.message());
  }

  private long micros() {
    var now = config.clock().instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  void close() {
    try {
      client.close();
    } catch (Exception e) {
      log.warn("{}: close failed: {}", name, e.toString());
    }
  }
}
