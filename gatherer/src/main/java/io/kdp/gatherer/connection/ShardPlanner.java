package io.kdp.gatherer.connection;

import io.kdp.gatherer.connection.ShardChange.AddMarkets;
import io.kdp.gatherer.connection.ShardChange.CloseConnection;
import io.kdp.gatherer.connection.ShardChange.DeleteMarkets;
import io.kdp.gatherer.connection.ShardChange.OpenConnection;
import io.kdp.gatherer.connection.ShardChange.Subscribe;
import io.kdp.gatherer.connection.ShardChange.Unsubscribe;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Assigns the markets to book-subscribe to (connection, subscription) {@link Slot}s within the
 * per-subscription market cap, the subscriptions per connection and the connection limit, and
 * computes the fewest changes when the set of markets changes: closed markets are deleted from
 * their slot (or the slot unsubscribed when it empties), new markets fill free room in existing
 * slots first (first fit, in slot order), then new slots, then new connections. Markets never move
 * between slots, so an open subscription is never disturbed by others' churn. When the exchange
 * refuses a slot's market set (Kalshi error 26, a cap it does not publish), {@link #refused} halves
 * the per-subscription cap and places the refused markets again. Pure logic, not thread-safe: the
 * connection manager owns one.
 */
public final class ShardPlanner {

  private int marketsPerSubscription;
  private final int subscriptionsPerConnection;
  private final int maxConnections;
  private final SortedMap<Slot, SortedSet<String>> slots = new TreeMap<>();
  private final Map<String, Slot> slotOf = new HashMap<>();
  private final SortedSet<String> unassigned = new TreeSet<>();
  private final SortedSet<Integer> openConnections = new TreeSet<>();

  public ShardPlanner(
      int marketsPerSubscription, int subscriptionsPerConnection, int maxConnections) {
    if (marketsPerSubscription < 1 || subscriptionsPerConnection < 1 || maxConnections < 1) {
      throw new IllegalArgumentException("every limit must be >= 1");
    }
    this.marketsPerSubscription = marketsPerSubscription;
    this.subscriptionsPerConnection = subscriptionsPerConnection;
    this.maxConnections = maxConnections;
  }

  /**
   * Moves the plan to exactly {@code desired} (as far as capacity allows) and returns the steps.
   */
  public List<ShardChange> plan(Collection<String> desired) {
    Set<String> want = new TreeSet<>(desired);
    List<ShardChange> changes = new ArrayList<>();
    removeAbsent(want, changes);
    unassigned.clear();
    SortedSet<String> toAdd = new TreeSet<>();
    for (String t : want) {
      if (!slotOf.containsKey(t)) {
        toAdd.add(t);
      }
    }
    fillExisting(toAdd, changes);
    openNewSlots(toAdd, changes);
    unassigned.addAll(toAdd);
    for (int c : List.copyOf(openConnections)) {
      if (slotsOn(c) == 0) {
        openConnections.remove(c);
        changes.add(new CloseConnection(c));
      }
    }
    return changes;
  }

  /**
   * The exchange refused {@code markets} on {@code slot} (error 26): with {@code wholeSlot} the
   * subscribe was refused and the slot does not exist on the server; otherwise an {@code
   * add_markets} of {@code markets} was refused and the slot keeps its other markets. Lowers the
   * per-subscription cap (never raises it) to what the exchange accepted on the slot, or half of
   * what it refused when that is more (at least 1), and returns the steps that place the refused
   * markets again within it. Markets no longer planned on {@code slot} (closed meanwhile) are
   * ignored.
   */
  public List<ShardChange> refused(Slot slot, Collection<String> markets, boolean wholeSlot) {
    SortedSet<String> current = slots.get(slot);
    List<ShardChange> changes = new ArrayList<>();
    if (current == null) {
      return changes;
    }
    int attempted = current.size();
    int accepted = wholeSlot ? 0 : attempted - markets.size();
    int fits = Math.max(1, Math.max(accepted, attempted / 2));
    marketsPerSubscription = Math.min(marketsPerSubscription, fits);
    SortedSet<String> toAdd = new TreeSet<>();
    for (String t : wholeSlot ? List.copyOf(current) : markets) {
      if (current.remove(t)) {
        slotOf.remove(t);
        toAdd.add(t);
      }
    }
    if (wholeSlot || current.isEmpty()) {
      slots.remove(slot);
      if (!wholeSlot) {
        changes.add(new Unsubscribe(slot));
      }
    }
    fillExisting(toAdd, changes);
    openNewSlots(toAdd, changes);
    unassigned.addAll(toAdd);
    return changes;
  }

  /** The per-subscription market cap now (the configured one, or lower after error 26). */
  public int marketsPerSubscription() {
    return marketsPerSubscription;
  }

  private void removeAbsent(Set<String> want, List<ShardChange> changes) {
    SortedMap<Slot, SortedSet<String>> removed = new TreeMap<>();
    for (Map.Entry<String, Slot> e : slotOf.entrySet()) {
      if (!want.contains(e.getKey())) {
        removed.computeIfAbsent(e.getValue(), s -> new TreeSet<>()).add(e.getKey());
      }
    }
    for (Map.Entry<Slot, SortedSet<String>> e : removed.entrySet()) {
      Slot slot = e.getKey();
      SortedSet<String> markets = slots.get(slot);
      markets.removeAll(e.getValue());
      e.getValue().forEach(slotOf::remove);
      if (markets.isEmpty()) {
        slots.remove(slot);
        changes.add(new Unsubscribe(slot));
      } else {
        changes.add(new DeleteMarkets(slot, List.copyOf(e.getValue())));
      }
    }
  }

  private void fillExisting(SortedSet<String> toAdd, List<ShardChange> changes) {
    for (Map.Entry<Slot, SortedSet<String>> e : slots.entrySet()) {
      int room = marketsPerSubscription - e.getValue().size();
      if (room <= 0 || toAdd.isEmpty()) {
        continue;
      }
      List<String> taken = take(toAdd, room);
      assign(e.getKey(), taken);
      changes.add(new AddMarkets(e.getKey(), taken));
    }
  }

  private void openNewSlots(SortedSet<String> toAdd, List<ShardChange> changes) {
    for (int c = 0; c < maxConnections && !toAdd.isEmpty(); c++) {
      for (int s = 0; s < subscriptionsPerConnection && !toAdd.isEmpty(); s++) {
        Slot slot = new Slot(c, s);
        if (slots.containsKey(slot)) {
          continue;
        }
        if (openConnections.add(c)) {
          changes.add(new OpenConnection(c));
        }
        List<String> taken = take(toAdd, marketsPerSubscription);
        slots.put(slot, new TreeSet<>());
        assign(slot, taken);
        changes.add(new Subscribe(slot, taken));
      }
    }
  }

  private static List<String> take(SortedSet<String> from, int n) {
    List<String> out = new ArrayList<>(Math.min(n, from.size()));
    var it = from.iterator();
    while (it.hasNext() && out.size() < n) {
      out.add(it.next());
      it.remove();
    }
    return out;
  }

  private void assign(Slot slot, List<String> tickers) {
    slots.get(slot).addAll(tickers);
    for (String t : tickers) {
      slotOf.put(t, slot);
    }
  }

  private int slotsOn(int connection) {
    return slots
        .subMap(new Slot(connection, Integer.MIN_VALUE), new Slot(connection, Integer.MAX_VALUE))
        .size();
  }

  /** The current assignment: every slot with its markets. */
  public SortedMap<Slot, SortedSet<String>> assignment() {
    SortedMap<Slot, SortedSet<String>> copy = new TreeMap<>();
    slots.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
    return copy;
  }

  /** The markets of one slot (empty if none). */
  public List<String> marketsOf(Slot slot) {
    SortedSet<String> m = slots.get(slot);
    return m == null ? List.of() : List.copyOf(m);
  }

  /** The slot a market is in, or null. */
  public Slot slotOf(String ticker) {
    return slotOf.get(ticker);
  }

  /** Markets the last plan could not place because every connection and slot is full. */
  public SortedSet<String> unassigned() {
    return new TreeSet<>(unassigned);
  }
}
