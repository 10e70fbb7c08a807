package io.kdp.sim.ws;

import io.kdp.client.ws.codec.WsFrameEncoder;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.client.ws.message.EventFeeUpdate;
import io.kdp.client.ws.message.EventLifecycle;
import io.kdp.client.ws.message.MarketLifecycle;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.OrderbookSnapshot;
import io.kdp.client.ws.message.TickerMessage;
import io.kdp.client.ws.message.TradeMessage;
import io.kdp.sim.world.World;
import io.kdp.sim.world.WorldListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the world's messages to every WebSocket connection. Each message's {@code msg} body is
 * encoded once; each subscriber gets it wrapped with its own sid and seq. Runs on the engine thread
 * under the world lock, the same lock commands take, so seq numbers are exact.
 */
public final class FanOut implements WorldListener, AutoCloseable {

  private final World world;
  private final int queueFrames;
  private final Commands commands;
  private final List<WsSession> sessions = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler;
  private final WsFaults faults;

  public FanOut(World world, int marketCap, int queueFrames, Duration pingInterval) {
    this.world = world;
    this.queueFrames = queueFrames;
    this.commands = new Commands(world, new Snapshots(world), marketCap);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sim-ws-timer");
              t.setDaemon(true);
              return t;
            });
    this.faults = new WsFaults(scheduler);
    long every = pingInterval.toMillis();
    scheduler.scheduleAtFixedRate(this::pingAll, every, every, TimeUnit.MILLISECONDS);
    world.addListener(this);
  }

  /** A new connection's listener. */
  public WsSession newSession() {
    return new WsSession(this, queueFrames);
  }

  public WsFaults faults() {
    return faults;
  }

  /** Subscriptions over every connection. */
  public int subscriptions() {
    return world.read(() -> sessions.stream().mapToInt(s -> s.subscriptions.size()).sum());
  }

  /** Client commands that were not JSON objects (each answered with error 1). */
  public long malformedCommands() {
    return commands.malformed();
  }

  /** Open connections. */
  public int connections() {
    return sessions.size();
  }

  @Override
  public void onMessage(ChannelMessage message, long exchangeMillis) {
    if (sessions.isEmpty()) {
      return;
    }
    Channel channel;
    String ticker;
    switch (message) {
      case OrderbookDelta d -> {
        channel = Channel.ORDERBOOK_DELTA;
        ticker = d.marketTicker();
      }
      case TradeMessage t -> {
        channel = Channel.TRADE;
        ticker = t.marketTicker();
      }
      case TickerMessage t -> {
        channel = Channel.TICKER;
        ticker = t.marketTicker();
      }
      case MarketLifecycle l -> {
        channel = Channel.MARKET_LIFECYCLE_V2;
        ticker = null;
      }
      case EventLifecycle e -> {
        channel = Channel.MARKET_LIFECYCLE_V2;
        ticker = null;
      }
      case EventFeeUpdate e -> {
        channel = Channel.MARKET_LIFECYCLE_V2;
        ticker = null;
      }
      case OrderbookSnapshot s -> {
        return;
      }
    }
    String type = WsFrameEncoder.type(message);
    String body = WsFrameEncoder.body(message);
    for (WsSession s : sessions) {
      s.deliver(channel, ticker, type, body);
    }
  }

  @Override
  public void endOfStep() {
    for (WsSession s : sessions) {
      s.flush();
    }
  }

  void opened(WsSession s) {
    sessions.add(s);
  }

  void closed(WsSession s) {
    sessions.remove(s);
  }

  void command(WsSession s, String text) {
    commands.handle(s, text);
  }

  private void pingAll() {
    if (faults.pingsStopped()) {
      return;
    }
    for (WsSession s : sessions) {
      s.ping();
    }
  }

  /** Drops every connection abruptly (fault injection); returns how many. */
  public int disconnectAll() {
    List<WsSession> all = new ArrayList<>(sessions);
    all.forEach(WsSession::disconnect);
    return all.size();
  }

  /** Ends every subscription of every connection with error 25 (fault injection). */
  public int slowConsumerAll() {
    int[] n = {0};
    world.locked(
        () -> {
          for (WsSession s : sessions) {
            for (Subscription sub : new ArrayList<>(s.subscriptions.values())) {
              s.drop(sub, 25, "Subscription buffer overflow");
              n[0]++;
            }
          }
        });
    return n[0];
  }

  @Override
  public void close() {
    world.removeListener(this);
    scheduler.shutdownNow();
  }
}
