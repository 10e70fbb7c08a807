package io.kdp.client.ws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The <em>desired</em> subscriptions of a client (channel + market set) and, for the current
 * connection only, the sid each one got. Desired state survives reconnects; sids do not. Confined
 * to the client's thread.
 */
final class SubscriptionRegistry {

  /** One desired subscription and its binding on the current connection. */
  static final class Entry {
    final WsSubscription handle;
    final LinkedHashSet<String> markets;
    final boolean initialSnapshot;
    int sid; // 0 = no sid on this connection (not yet, or the server did not say)
    boolean acknowledged;

    Entry(WsSubscription handle, Collection<String> markets, boolean initialSnapshot) {
      this.handle = handle;
      this.markets = new LinkedHashSet<>(markets);
      this.initialSnapshot = initialSnapshot;
    }

    List<String> markets() {
      return List.copyOf(markets);
    }
  }

  private final Map<Integer, Entry> byKey = new LinkedHashMap<>();
  private final Map<Integer, Entry> bySid = new HashMap<>();
  private int nextKey = 1;

  WsSubscription add(String channel, Collection<String> markets, boolean initialSnapshot) {
    WsSubscription handle = new WsSubscription(nextKey++, channel);
    byKey.put(handle.key(), new Entry(handle, markets, initialSnapshot));
    return handle;
  }

  /** The entry, or null when the subscription was removed. */
  Entry get(WsSubscription handle) {
    return byKey.get(handle.key());
  }

  Entry bySid(int sid) {
    return bySid.get(sid);
  }

  void remove(WsSubscription handle) {
    Entry e = byKey.remove(handle.key());
    if (e != null && e.sid != 0) {
      bySid.remove(e.sid);
    }
  }

  /** The server acknowledged {@code e} under {@code sid} (0 if it did not say). */
  void bind(Entry e, int sid) {
    unbind(e);
    e.sid = sid;
    e.acknowledged = true;
    if (sid != 0) {
      bySid.put(sid, e);
    }
  }

  /** {@code e} lost its sid (error 10/25) and must be subscribed again. */
  void unbind(Entry e) {
    if (e.sid != 0) {
      bySid.remove(e.sid);
    }
    e.sid = 0;
    e.acknowledged = false;
  }

  /** A new connection: no sid is valid any more. */
  void connectionLost() {
    bySid.clear();
    byKey.values().forEach(e -> e.acknowledged = false);
    byKey.values().forEach(e -> e.sid = 0);
  }

  boolean allAcknowledged() {
    return byKey.values().stream().allMatch(e -> e.acknowledged);
  }

  List<Entry> entries() {
    return new ArrayList<>(byKey.values());
  }
}
