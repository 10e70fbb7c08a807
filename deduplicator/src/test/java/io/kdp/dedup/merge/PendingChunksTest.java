package io.kdp.dedup.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.dedup.ExchangeScript;
import io.kdp.dedup.book.BookRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint kept as a state without pending rows plus chunks of pending rows: after every
 * simulated merge transaction, the saved state and the chunks left restore exactly the merger in
 * memory; a whole (version 1) checkpoint is taken over; a changed window continues where the old
 * one stopped.
 */
class PendingChunksTest {

  private static final long SECOND = 1_000_000;
  private static final List<String> GATHERERS = List.of("a", "b");

  /** Rows of the script in the order a deduplicator reads them: by receive time. */
  private record Read(String gatherer, long receivedAt, BookRow row) {}

  @Test
  void savedStateAndLiveChunksRestoreTheMergerAfterEveryTransaction() {
    var script = new ExchangeScript(11, 4, 30 * SECOND);
    List<Read> reads = reads(script);
    BookMerger m = new BookMerger(GATHERERS, SECOND / 2);
    PendingChunks chunks = PendingChunks.empty();
    Map<Long, byte[]> table = new TreeMap<>();
    byte[] state = null;
    int next = 0;
    int maxLive = 0;
    List<MergedRow> merged = new ArrayList<>();
    for (long now = ExchangeScript.t(0); now < script.endMicros() + 3 * SECOND; now += 300_000) {
      while (next < reads.size() && reads.get(next).receivedAt() < now) {
        Read r = reads.get(next++);
        if (m.add(r.gatherer(), r.row())) {
          chunks.added(r.gatherer(), r.row());
        }
      }
      long limit = now - SECOND / 2;
      merged.addAll(m.decide(limit, Map.of("a", limit, "b", limit), 1000).rows());
      PendingChunks.Save save = chunks.save(m);
      if (save.bytes() != null) {
        table.put(save.chunkId(), save.bytes());
      }
      save.dropped().forEach(table::remove);
      state = MergerCodec.encodeWithoutPending(m);
      maxLive = Math.max(maxLive, table.size());
      assertThat(chunks.liveChunks()).isEqualTo(table.size());

      BookMerger restored = MergerCodec.decode(state, GATHERERS);
      PendingChunks again = PendingChunks.restore(restored, List.copyOf(table.entrySet()));
      assertThat(MergerCodec.encode(restored)).isEqualTo(MergerCodec.encode(m));
      assertThat(again.liveChunks()).isEqualTo(table.size());
    }
    assertThat(next).isEqualTo(reads.size());
    assertThat(merged).isNotEmpty();
    assertThat(table).isEmpty();
    // chunks live about (grace + window) / cycle transactions, not the whole run
    assertThat(maxLive).isBetween(2, 8);
  }

  @Test
  void aWholeCheckpointIsTakenOverAndItsPendingRowsSavedOnce() {
    var script = new ExchangeScript(12, 3, 20 * SECOND);
    BookMerger m = new BookMerger(GATHERERS, SECOND / 2);
    for (Read r : reads(script)) {
      m.add(r.gatherer(), r.row());
    }
    long limit = ExchangeScript.t(9);
    m.decide(limit, Map.of("a", limit, "b", limit), 1000);
    byte[] whole = MergerCodec.encode(m);

    BookMerger restored = MergerCodec.decode(whole, GATHERERS);
    PendingChunks chunks = PendingChunks.restore(restored, List.of());
    PendingChunks.Save save = chunks.save(restored);

    assertThat(save.bytes()).isNotNull();
    assertThat(save.dropped()).isEmpty();
    BookMerger fromChunks =
        MergerCodec.decode(MergerCodec.encodeWithoutPending(restored), GATHERERS);
    PendingChunks.restore(fromChunks, List.of(Map.entry(save.chunkId(), save.bytes())));
    assertThat(MergerCodec.encode(fromChunks)).isEqualTo(whole);
    assertThat(chunks.save(restored).bytes()).as("saved once").isNull();
  }

  @Test
  void aChangedWindowTakesOverAtTheNextBoundaryOfTheNewLength() {
    var script = new ExchangeScript(13, 3, 20 * SECOND);
    BookMerger m = new BookMerger(GATHERERS, 2 * SECOND);
    for (Read r : reads(script)) {
      m.add(r.gatherer(), r.row());
    }
    Map<String, Long> all = Map.of("a", Long.MAX_VALUE, "b", Long.MAX_VALUE);
    m.decide(ExchangeScript.t(9), all, 1000);
    long decided = m.decidedToMicros();
    assertThat(decided % (2 * SECOND)).isZero();

    BookMerger changed = MergerCodec.decode(MergerCodec.encode(m), GATHERERS);
    changed.changeWindow(300_000);
    MergeOutput one = changed.decide(decided + 300_000, all, 1);

    assertThat(one.windows()).isEqualTo(1);
    long firstEnd = (Math.floorDiv(decided, 300_000) + 1) * 300_000;
    assertThat(changed.decidedToMicros()).isEqualTo(firstEnd);
    changed.decide(firstEnd + 900_000, all, 1000);
    assertThat(changed.decidedToMicros()).isEqualTo(firstEnd + 900_000);
    // the decoded checkpoint carries the new window
    assertThat(MergerCodec.decode(MergerCodec.encode(changed), GATHERERS).windowMicros())
        .isEqualTo(300_000);
  }

  private static List<Read> reads(ExchangeScript script) {
    Map<String, ExchangeScript.Recorded> recorded = new LinkedHashMap<>();
    recorded.put("a", script.record("a", 5_000, List.of(), 0));
    recorded.put("b", script.record("b", 6_000, List.of(), ExchangeScript.t(7.5)));
    List<Read> reads = new ArrayList<>();
    recorded.forEach(
        (g, r) -> {
          r.snapshots().forEach(s -> reads.add(new Read(g, s.receivedAtMicros(), snap(s))));
          r.deltas()
              .forEach(d -> reads.add(new Read(g, d.receivedAtMicros(), new BookRow.Delta(d))));
        });
    reads.sort(java.util.Comparator.comparingLong(Read::receivedAt));
    return reads;
  }

  private static BookRow snap(io.kdp.store.row.SnapshotRow s) {
    return new BookRow.Snapshot(s);
  }
}
