package io.kdp.gatherer.writer;

import io.kdp.store.writer.ConnectionWatermarks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each book connection was last known alive: the receive time of its newest frame (recorded
 * after the frame was journaled and routed) or ping/pong (received after every earlier frame was).
 * A connection that ended stays ended: a late frame of its old socket does not revive it. The
 * {@link WatermarkWriter} writes these as {@code connection_watermarks}; an ended connection is no
 * longer written once its final watermark is; the newest {@link #KEEP_ENDED} ended ids are
 * remembered (so none revives), the rest forgotten.
 */
public final class ConnectionLiveness {

  static final int KEEP_ENDED = 4096;
  private static final long NOTHING = Long.MIN_VALUE;

  private final Map<Long, Long> aliveAt = new HashMap<>();
  private final Map<Long, Long> ended =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
          return size() > KEEP_ENDED;
        }
      };

  /** Connection {@code id} was alive at {@code micros}, with every earlier frame routed. */
  public synchronized void alive(long id, long micros) {
    if (!ended.containsKey(id)) {
      aliveAt.merge(id, micros, Math::max);
    }
  }

  /** Connection {@code id} ended (dropped or closed): its watermark is final. */
  public synchronized void ended(long id) {
    Long at = aliveAt.remove(id);
    ended.putIfAbsent(id, at == null ? NOTHING : at);
  }

  /** Every tracked connection's watermark now (ended ones marked closed). */
  public synchronized List<ConnectionWatermarks.Mark> marks() {
    List<ConnectionWatermarks.Mark> out = new ArrayList<>();
    aliveAt.forEach((id, t) -> out.add(new ConnectionWatermarks.Mark(id, t, false)));
    ended.forEach(
        (id, t) -> {
          if (t != NOTHING) {
            out.add(new ConnectionWatermarks.Mark(id, t, true));
          }
        });
    return out;
  }

  /** {@code marks} are written: ended connections among them are not written again. */
  public synchronized void written(List<ConnectionWatermarks.Mark> marks) {
    for (ConnectionWatermarks.Mark m : marks) {
      if (m.closed()) {
        ended.replace(m.connectionId(), NOTHING);
      }
    }
  }
}
