package io.kdp.gatherer.connection;

import io.kdp.client.auth.RequestSigner;
import io.kdp.client.rest.KalshiAuthException;
import io.kdp.client.ws.SequenceGap;
import io.kdp.client.ws.WsClientConfig;
import io.kdp.client.ws.WsConnectionState;
import io.kdp.client.ws.WsSubscription;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.gatherer.config.GathererConfig;
import io.kdp.gatherer.metrics.GathererMetrics;
import io.kdp.gatherer.router.LiveRouting;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool of WebSocket connections: {@code lifecycle}, {@code trade} and {@code ticker} each on
 * their own connection, and the book markets sharded by the {@link ShardPlanner} over {@code ob-N}
 * connections and their {@code orderbook_delta} subscriptions, grown and shrunk with {@code
 * update_subscription}. A sequence gap on a book subscription asks for fresh snapshots. {@link
 * #pause()} closes every connection (exchange maintenance) and {@link #resume()} reopens them with
 * the planned subscriptions. A gap on the trade stream is back-filled and one on the lifecycle
 * stream reconciled (the listener's), after which their gap rows are closed. Reconnects are the
 * clients' own, with capped jittered backoff.
 */
public final class ConnectionManager implements GathererConnection.Owner, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ConnectionManager.class);

  private final WsClientConfig base;
  private final WebSocketClient jetty;
  private final LiveRouting routing;
  private final GathererMetrics metrics;
  private final ConnectionListener listener;
  private final ShardPlanner planner;
  private final ConnectionIds ids;
  private final Map<String, GathererConnection> connections = new HashMap<>();
  private final Map<Slot, WsSubscription> handles = new HashMap<>();
  private final ExecutorService gapWork =
      Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().name("gap-healer").daemon().unstarted(r));
  private boolean paused;
  private long pausedAtMicros;
  private final KeyRefusal keyRefusal = new KeyRefusal();
  private final GapHealer gapHealer;

  public ConnectionManager(
      GathererConfig.Connections config,
      URI wsUri,
      RequestSigner signer,
      InstantSource clock,
      LiveRouting routing,
      GathererMetrics metrics,
      ConnectionListener listener)
      throws Exception {
    this.base =
        WsClientConfig.defaults(wsUri, signer)
            .withClock(clock)
            .withIdle(config.idleTimeout(), Duration.ofSeconds(1))
            .withBackoff(
                config.reconnectMinBackoff(),
                config.reconnectMaxBackoff(),
                RandomGenerator.getDefault());
    this.jetty = new WebSocketClient();
    jetty.setMaxTextMessageSize(64L << 20);
    jetty.setIdleTimeout(config.idleTimeout().multipliedBy(3));
    jetty.start();
    this.routing = routing;
    this.metrics = metrics;
    this.listener = listener;
    this.gapHealer = new GapHealer(listener, this::handleFor);
    this.ids = new ConnectionIds(clock);
    this.planner =
        new ShardPlanner(
            config.marketsPerSubscription(),
            config.subscriptionsPerConnection(),
            config.maxConnections());
  }

  /**
   * Opens the channel connections (lifecycle, trade, ticker). Trades since {@code
   * tradesMissedSinceMicros} (Unix µs) up to the moment the trade stream is live are reported as an
   * outage, to be back-filled.
   */
  public synchronized void start(long tradesMissedSinceMicros) throws Exception {
    openChannels(tradesMissedSinceMicros);
  }

  /**
   * Waits (at most {@code timeout}) for the channel connections' first attempts and returns the
   * exchange's refusal of the key if there was one ({@link KeyRefusal}).
   */
  public KalshiAuthException awaitFirstAttempts(Duration timeout) {
    List<GathererConnection> opened;
    synchronized (this) {
      opened = List.copyOf(connections.values());
    }
    return keyRefusal.awaitFirstAttempts(opened, timeout);
  }

  /** The exchange's refusal of the API key on a WebSocket upgrade, or null. */
  public KalshiAuthException refused() {
    return keyRefusal.get();
  }

  @Override
  public void onMarketLimit(
      String connection, WsSubscription subscription, List<String> markets, boolean wholeSlot) {
    // on the connection's thread, like onGap: re-plan on the gap thread, under this manager's lock
    gapWork.execute(() -> reshard(connection, subscription, markets, wholeSlot));
  }

  private synchronized void reshard(
      String connection, WsSubscription subscription, List<String> markets, boolean wholeSlot) {
    Slot slot =
        handles.entrySet().stream()
            .filter(e -> e.getValue().equals(subscription))
            .map(Map.Entry::getKey)
            .filter(k -> ConnectionNames.orderbook(k.connection()).equals(connection))
            .findFirst()
            .orElse(null);
    if (slot == null) {
      return;
    }
    if (wholeSlot) {
      handles.remove(slot);
    }
    int before = planner.marketsPerSubscription();
    List<ShardChange> changes = planner.refused(slot, markets, wholeSlot);
    log.warn(
        "{}: Kalshi refused {} markets on {} (error 26): markets per subscription {} -> {};"
            + " placing them again in {} steps",
        connection,
        markets.size(),
        slot,
        before,
        planner.marketsPerSubscription(),
        changes.size());
    try {
      applyAll(changes);
    } catch (Exception e) {
      log.error("{}: placing the refused markets failed: {}", connection, e.toString());
    }
  }

  @Override
  public void onRefused(String connection, KalshiAuthException error) {
    keyRefusal.refused(connection, error);
  }

  private void openChannels(long tradesMissedSinceMicros) throws Exception {
    open(ConnectionNames.LIFECYCLE, -1).client().subscribe("market_lifecycle_v2", List.of());
    open(ConnectionNames.TRADE, tradesMissedSinceMicros).client().subscribe("trade", List.of());
    open(ConnectionNames.TICKER, -1).client().subscribe("ticker", List.of());
  }

  private GathererConnection open(String name, long downSinceMicros) throws Exception {
    GathererConnection c = new GathererConnection(name, base, jetty, routing, metrics, ids, this);
    connections.put(name, c);
    if (downSinceMicros >= 0) {
      c.downSince(downSinceMicros);
    }
    c.start();
    return c;
  }

  /** Makes the book subscriptions cover exactly {@code markets} (as far as the caps allow). */
  public synchronized void setBookMarkets(Collection<String> markets) throws Exception {
    applyAll(planner.plan(markets));
  }

  private void applyAll(List<ShardChange> changes) throws Exception {
    if (!planner.unassigned().isEmpty()) {
      log.error(
          "{} markets over capacity (connections.max-connections x subscriptions-per-connection x"
              + " {} markets per subscription)",
          planner.unassigned().size(),
          planner.marketsPerSubscription());
    }
    if (!paused) {
      for (ShardChange change : changes) {
        apply(change);
      }
    }
  }

  private void apply(ShardChange change) throws Exception {
    switch (change) {
      case ShardChange.OpenConnection o -> open(ConnectionNames.orderbook(o.connection()), -1);
      case ShardChange.Subscribe s ->
          handles.put(s.slot(), book(s.slot()).client().subscribe("orderbook_delta", s.tickers()));
      case ShardChange.AddMarkets a ->
          book(a.slot()).client().addMarkets(handles.get(a.slot()), a.tickers());
      case ShardChange.DeleteMarkets d ->
          book(d.slot()).client().deleteMarkets(handles.get(d.slot()), d.tickers());
      case ShardChange.Unsubscribe u ->
          book(u.slot()).client().unsubscribe(handles.remove(u.slot()));
      case ShardChange.CloseConnection c ->
          connections.remove(ConnectionNames.orderbook(c.connection())).close();
    }
  }

  private GathererConnection book(Slot slot) {
    return connections.get(ConnectionNames.orderbook(slot.connection()));
  }

  /** Exchange maintenance: close every connection, keep the plan. */
  public synchronized void pause() {
    if (paused) {
      return;
    }
    paused = true;
    pausedAtMicros = ids.next(); // now, in µs
    log.info(
        "reading paused (exchange inactive or journal full): closing {} connections",
        connections.size());
    connections.values().forEach(GathererConnection::close);
    connections.clear();
    handles.clear();
  }

  /** The exchange is back: reopen every connection with the planned subscriptions. */
  public synchronized void resume() throws Exception {
    if (!paused) {
      return;
    }
    paused = false;
    openChannels(pausedAtMicros);
    SortedMap<Slot, ?> plan = new TreeMap<>(planner.assignment());
    for (var e : planner.assignment().entrySet()) {
      String name = ConnectionNames.orderbook(e.getKey().connection());
      GathererConnection c = connections.containsKey(name) ? connections.get(name) : open(name, -1);
      handles.put(e.getKey(), c.client().subscribe("orderbook_delta", List.copyOf(e.getValue())));
    }
    log.info(
        "reading resumed: reopened {} connections for {} subscriptions",
        connections.size(),
        plan.size());
  }

  /** Each connection's state, by name. */
  public synchronized Map<String, WsConnectionState> states() {
    Map<String, WsConnectionState> out = new TreeMap<>();
    connections.forEach((k, v) -> out.put(k, v.state()));
    return out;
  }

  /** Markets per book subscription now: as configured, or lower after Kalshi's error 26. */
  public synchronized int marketsPerSubscription() {
    return planner.marketsPerSubscription();
  }

  /** The book-subscribed markets as planned. */
  public synchronized List<String> bookMarkets() {
    return planner.assignment().values().stream().flatMap(Collection::stream).sorted().toList();
  }

  @Override
  public void onChannelMessage(String connection, ChannelMessage message) {
    if (ConnectionNames.LIFECYCLE.equals(connection)) {
      listener.onLifecycle(message);
    }
  }

  @Override
  public void onGap(GathererConnection connection, SequenceGap gap) {
    // on the connection's own thread: never take this manager's lock here (setBookMarkets holds it
    // while it waits for that thread), hand the work to the gap thread instead
    gapWork.execute(() -> gapHealer.heal(connection, gap));
  }

  private synchronized WsSubscription handleFor(String market) {
    Slot slot = planner.slotOf(market);
    return slot == null ? null : handles.get(slot);
  }

  @Override
  public void onOutage(String connection, long fromMicros, long toMicros) {
    log.info("{} was down for {} ms", connection, (toMicros - fromMicros) / 1000);
    if (ConnectionNames.TRADE.equals(connection)) {
      listener.onTradeOutage(fromMicros - 5_000_000L, toMicros + 5_000_000L);
    }
  }

  @Override
  public synchronized void close() throws Exception {
    gapWork.shutdownNow();
    connections.values().forEach(GathererConnection::close);
    connections.clear();
    jetty.stop();
  }
}
