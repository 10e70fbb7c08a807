package io.kdp.sim.world;

import io.kdp.client.ws.message.ChannelMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Everything the simulated exchange holds: series, events, markets with their books, the trade
 * tape. One lock (this object's monitor) guards all of it; the engine mutates and emits under it,
 * so every emitted message has one total order, and readers see consistent cuts.
 */
public final class World {

  private final WorldParams params;
  final List<SeriesState> series = new ArrayList<>();
  final List<EventState> events = new ArrayList<>();
  final Map<String, EventState> eventsByTicker = new HashMap<>();
  final List<MarketState> markets = new ArrayList<>();
  final Map<String, MarketState> marketsByTicker = new HashMap<>();
  final TradeTape tape;
  private final List<WorldListener> listeners = new CopyOnWriteArrayList<>();
  boolean exchangeActive = true;
  long exchangeResumeMillis;
  private long emitted;
  long lastStepMillis;

  public World(WorldParams params) {
    this.params = params;
    this.tape = new TradeTape(params.maxTrades());
  }

  public WorldParams params() {
    return params;
  }

  /** Runs {@code body} under the world lock and returns its result. */
  public synchronized <T> T read(Supplier<T> body) {
    return body.get();
  }

  /** Runs {@code body} under the world lock. */
  public synchronized void locked(Runnable body) {
    body.run();
  }

  public void addListener(WorldListener listener) {
    listeners.add(listener);
  }

  public void removeListener(WorldListener listener) {
    listeners.remove(listener);
  }

  /** Hands one message to every listener; callers hold the lock. */
  void emit(ChannelMessage message, long exchangeMillis) {
    emitted++;
    for (WorldListener l : listeners) {
      l.onMessage(message, exchangeMillis);
    }
  }

  /** Exchange time of the engine's latest step (read under the lock). */
  public long lastStepMillis() {
    return lastStepMillis;
  }

  /** Tells every listener that a step ended; callers hold the lock. */
  void endOfStep() {
    for (WorldListener l : listeners) {
      l.endOfStep();
    }
  }

  /** Messages emitted so far (read under the lock). */
  public long emittedCount() {
    return emitted;
  }

  public List<SeriesState> series() {
    return Collections.unmodifiableList(series);
  }

  public List<EventState> events() {
    return Collections.unmodifiableList(events);
  }

  public List<MarketState> markets() {
    return Collections.unmodifiableList(markets);
  }

  /** The market with this ticker, or null. */
  public MarketState market(String ticker) {
    return marketsByTicker.get(ticker);
  }

  /** The event with this ticker, or null. */
  public EventState event(String eventTicker) {
    return eventsByTicker.get(eventTicker);
  }

  /** The series with this ticker, or null. */
  public SeriesState seriesByTicker(String ticker) {
    for (SeriesState s : series) {
      if (s.ticker().equals(ticker)) {
        return s;
      }
    }
    return null;
  }

  public TradeTape tape() {
    return tape;
  }

  public boolean exchangeActive() {
    return exchangeActive;
  }

  /** When a maintenance window ends (meaningful while the exchange is inactive). */
  public long exchangeResumeMillis() {
    return exchangeResumeMillis;
  }

  /** Opens or ends a maintenance window: no state changes at all while inactive. */
  public synchronized void setExchangeActive(boolean active, long resumeMillis) {
    this.exchangeActive = active;
    this.exchangeResumeMillis = resumeMillis;
  }
}
