package io.kdp.gatherer.registry;

import io.kdp.client.ws.message.MarketLifecycle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The gatherer's view of every market's status, fed by the initial REST sync, live {@code
 * market_lifecycle_v2} events and periodic reconciliation against {@code GET /markets}; it decides
 * which markets are book-subscribed ({@link #bookMarkets()}). Thread-safe.
 */
public final class MarketRegistry {

  /** What a lifecycle event asks of the gatherer. */
  public sealed interface LifecycleOutcome {
    /** The market's stored row needs refreshing from {@code GET /markets/{ticker}}. */
    boolean fetch();

    /** The status moved; the book subscriptions may change. */
    record StatusChanged(String ticker, String from, String to, boolean fetch)
        implements LifecycleOutcome {}

    /** No status change (metadata only). */
    record Unchanged(String ticker, boolean fetch) implements LifecycleOutcome {}
  }

  /**
   * What one reconciliation found and repaired.
   *
   * @param missing markets REST has that the registry did not know
   * @param statusDrift markets whose status differed (the REST status now holds)
   * @param vanished markets the registry knew that REST no longer lists (dropped)
   */
  public record Reconciliation(
      List<String> missing, List<String> statusDrift, List<String> vanished) {

    public boolean clean() {
      return missing.isEmpty() && statusDrift.isEmpty() && vanished.isEmpty();
    }
  }

  private final Map<String, String> status = new HashMap<>();

  /** Records a status seen over REST (initial sync, a fetched market); returns the old one. */
  public synchronized String observe(String ticker, String restStatus) {
    return status.put(ticker, restStatus);
  }

  /** Applies a lifecycle event. */
  public synchronized LifecycleOutcome onLifecycle(MarketLifecycle event) {
    String ticker = event.marketTicker();
    String to = MarketStatuses.after(event);
    String from = status.get(ticker);
    boolean fetch =
        from == null
            || to == null
            || event.eventType() != null
                && switch (event.eventType()) {
                  case CREATED, DETERMINED, SETTLED -> true; // new row, result, settlement time
                  default -> false;
                };
    if (to == null || to.equals(from)) {
      return new LifecycleOutcome.Unchanged(ticker, fetch);
    }
    status.put(ticker, to);
    return new LifecycleOutcome.StatusChanged(ticker, from, to, fetch);
  }

  /**
   * Makes the registry agree with a full {@code GET /markets} listing ({@code ticker -> status})
   * and says what differed.
   */
  public synchronized Reconciliation reconcile(Map<String, String> rest) {
    List<String> missing = new ArrayList<>();
    List<String> drift = new ArrayList<>();
    List<String> vanished = new ArrayList<>();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(rest).entrySet()) {
      String old = status.put(e.getKey(), e.getValue());
      if (old == null) {
        missing.add(e.getKey());
      } else if (!old.equals(e.getValue())) {
        drift.add(e.getKey());
      }
    }
    for (String t : new TreeSet<>(status.keySet())) {
      if (!rest.containsKey(t)) {
        vanished.add(t);
        status.remove(t);
      }
    }
    return new Reconciliation(missing, drift, vanished);
  }

  /** The status of {@code ticker}, or null if unknown. */
  public synchronized String status(String ticker) {
    return status.get(ticker);
  }

  /** Markets known. */
  public synchronized int size() {
    return status.size();
  }

  /** The markets to book-subscribe now, sorted. */
  public synchronized SortedSet<String> bookMarkets() {
    SortedSet<String> out = new TreeSet<>();
    status.forEach(
        (t, s) -> {
          if (MarketStatuses.bookable(s)) {
            out.add(t);
          }
        });
    return out;
  }
}
