package io.kdp.dedup.book;

import io.kdp.store.row.Provenance;

/**
 * One sequenced book stream of one gatherer: a subscription ({@code sid}) on one WebSocket
 * connection. Kalshi numbers every message of a subscription with {@code seq}, across all of its
 * markets, so contiguity is checked per stream.
 */
public record StreamKey(long connectionId, int sid) implements Comparable<StreamKey> {

  public static StreamKey of(Provenance p) {
    return new StreamKey(p.connectionId(), p.sid());
  }

  @Override
  public int compareTo(StreamKey o) {
    int c = Long.compare(connectionId, o.connectionId);
    return c != 0 ? c : Integer.compare(sid, o.sid);
  }
}
