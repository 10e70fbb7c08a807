package io.kdp.dedup.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.dedup.ExchangeScript;
import io.kdp.dedup.book.Book;
import io.kdp.dedup.book.BookRow;
import io.kdp.dedup.coverage.CoverageRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merge core without a database: crafted gatherer streams in, merged book rows out. */
class BookMergerTest {

  private static final long SECOND = 1_000_000;
  private static final long WINDOW = 2 * SECOND;

  @Test
  void gatherersDownInDifferentWindowsReplayToTheTruthWithNoHole() {
    var script = new ExchangeScript(1, 5, 60 * SECOND);
    Map<String, ExchangeScript.Recorded> rows = new LinkedHashMap<>();
    rows.put("a", script.record("a", 5_000, List.of(window(10, 16)), 0));
    rows.put("b", script.record("b", 6_000, List.of(window(30, 37)), 0));
    rows.put("c", script.record("c", 7_000, List.of(), 0));
    Merged merged = merge(rows);
    assertThat(merged.coverage.stream().filter(CoverageRun::isHole).toList()).isEmpty();
    assertReplaysToTruth(script, merged.rows);
    assertThat(resyncs(merged.rows)).isNotEmpty();
  }

  @Test
  void twoGatherersDownOverTheSameWindowLeaveTheThird() {
    var script = new ExchangeScript(2, 4, 40 * SECOND);
    Map<String, ExchangeScript.Recorded> rows = new LinkedHashMap<>();
    rows.put("a", script.record("a", 5_000, List.of(window(12, 20)), 0));
    rows.put("b", script.record("b", 6_000, List.of(window(12, 20)), 0));
    rows.put("c", script.record("c", 7_000, List.of(), 0));
    Merged merged = merge(rows);
    assertThat(merged.coverage.stream().filter(CoverageRun::isHole).toList()).isEmpty();
    assertReplaysToTruth(script, merged.rows);
    assertThat(merged.coverage).anySatisfy(r -> assertThat(r.gatherer()).isEqualTo("c"));
  }

  @Test
  void aSeqGapOnTheFollowedGathererSwitchesWithAResyncSnapshot() {
    var script = new ExchangeScript(3, 3, 30 * SECOND);
    Map<String, ExchangeScript.Recorded> rows = new LinkedHashMap<>();
    rows.put("a", script.record("a", 5_000, List.of(), ExchangeScript.t(11.5)));
    rows.put("b", script.record("b", 6_000, List.of(), 0));
    Merged merged = merge(rows);
    assertThat(merged.coverage.stream().filter(CoverageRun::isHole).toList()).isEmpty();
    assertReplaysToTruth(script, merged.rows);
    assertThat(resyncs(merged.rows))
        .extracting(MergedRow.Resync::gatherer, MergedRow.Resync::timeMicros)
        .contains(org.assertj.core.groups.Tuple.tuple("b", ExchangeScript.t(10)));
  }

  @Test
  void identicalConsecutiveDeltasAllSurvive() {
    var script = new ExchangeScript(4, 3, 30 * SECOND);
    Map<String, ExchangeScript.Recorded> rows = new LinkedHashMap<>();
    rows.put("a", script.record("a", 5_000, List.of(), 0));
    rows.put("b", script.record("b", 6_000, List.of(), 0));
    Merged merged = merge(rows);
    List<String> copied = new ArrayList<>();
    for (MergedRow r : merged.rows) {
      if (r instanceof MergedRow.Copied(BookRow.Timed(BookRow.Delta d, long t))) {
        copied.add(
            d.market()
                + d.row().side()
                + d.row().priceMicros()
                + "/"
                + d.row().deltaCenti()
                + "@"
                + d.exchangeTimeMicros());
      }
    }
    assertThat(copied.stream().sorted().toList()).isEqualTo(script.truthDeltaKeys());
    assertThat(copied.size()).isGreaterThan(new java.util.HashSet<>(copied).size());
  }

  @Test
  void theCheckpointRestoresTheSameState() {
    var script = new ExchangeScript(5, 3, 20 * SECOND);
    BookMerger m = new BookMerger(List.of("a", "b"), WINDOW);
    feed(m, "a", script.record("a", 5_000, List.of(), 0));
    feed(m, "b", script.record("b", 6_000, List.of(window(4, 8)), 0));
    m.decide(ExchangeScript.t(9), Map.of("a", ExchangeScript.t(9), "b", ExchangeScript.t(9)), 1000);
    byte[] state = MergerCodec.encode(m);
    BookMerger restored = MergerCodec.decode(state, List.of("a", "b"));
    assertThat(MergerCodec.encode(restored)).isEqualTo(state);
    Map<String, Long> all = Map.of("a", Long.MAX_VALUE, "b", Long.MAX_VALUE);
    long end = script.endMicros() + WINDOW;
    assertThat(restored.decide(end, all, 1000)).isEqualTo(m.decide(end, all, 1000));
  }

  @Test
  void rowsReadAgainFromTheStartChangeNothing() {
    // a gatherer database replaced by a restored copy: its cursors restart, every row comes again
    var script = new ExchangeScript(6, 3, 20 * SECOND);
    var a = script.record("a", 5_000, List.of(window(12, 14)), ExchangeScript.t(5));
    var b = script.record("b", 6_000, List.of(window(4, 8)), 0);
    BookMerger m = new BookMerger(List.of("a", "b"), WINDOW);
    feed(m, "a", a);
    feed(m, "b", b);
    Map<String, Long> upTo9 = Map.of("a", ExchangeScript.t(9), "b", ExchangeScript.t(9));
    m.decide(ExchangeScript.t(9), upTo9, 1000);
    BookMerger untouched = MergerCodec.decode(MergerCodec.encode(m), List.of("a", "b"));
    long pending = m.streams("a").pendingRows();

    feed(m, "a", a);

    assertThat(m.streams("a").pendingRows()).isEqualTo(pending);
    Map<String, Long> all = Map.of("a", Long.MAX_VALUE, "b", Long.MAX_VALUE);
    long end = script.endMicros() + WINDOW;
    assertThat(m.decide(end, all, 1000)).isEqualTo(untouched.decide(end, all, 1000));
  }

  static long[] window(double fromSeconds, double toSeconds) {
    return new long[] {ExchangeScript.t(fromSeconds), ExchangeScript.t(toSeconds)};
  }

  record Merged(List<MergedRow> rows, List<CoverageRun> coverage) {}

  private static void feed(BookMerger m, String g, ExchangeScript.Recorded rows) {
    rows.snapshots().forEach(s -> m.add(g, new BookRow.Snapshot(s)));
    rows.deltas().forEach(d -> m.add(g, new BookRow.Delta(d)));
    rows.gaps().forEach(x -> m.addGap(g, x));
  }

  private static Merged merge(Map<String, ExchangeScript.Recorded> rows) {
    BookMerger m = new BookMerger(List.copyOf(rows.keySet()), WINDOW);
    Map<String, Long> committed = new HashMap<>();
    rows.forEach(
        (g, r) -> {
          feed(m, g, r);
          committed.put(g, Long.MAX_VALUE);
        });
    MergeOutput out = m.decide(ExchangeScript.t(0) + 200 * SECOND, committed, 10_000);
    return new Merged(out.rows(), out.coverage());
  }

  private static List<MergedRow.Resync> resyncs(List<MergedRow> rows) {
    return rows.stream()
        .filter(MergedRow.Resync.class::isInstance)
        .map(MergedRow.Resync.class::cast)
        .toList();
  }

  /** Replays merged rows in production order up to sampled times and compares with the truth. */
  private static void assertReplaysToTruth(ExchangeScript script, List<MergedRow> rows) {
    List<MergedRow> ordered = new ArrayList<>(rows);
    ordered.sort(
        Comparator.comparingLong(MergedRow::timeMicros)
            .thenComparingLong(BookMergerTest::connection)
            .thenComparingLong(BookMergerTest::seq));
    int checked = 0;
    for (long t = ExchangeScript.t(0.5); t < script.endMicros() - 3 * SECOND; t += 997_000) {
      if (script.nearStreamStart(t)) {
        continue;
      }
      Map<String, Book> books = new HashMap<>();
      for (MergedRow r : ordered) {
        if (r.timeMicros() > t) {
          break;
        }
        Book b = books.computeIfAbsent(r.market(), k -> new Book());
        switch (r) {
          case MergedRow.Resync rs -> b.reset(rs.yes(), rs.no());
          case MergedRow.Copied(BookRow.Timed(BookRow.Snapshot s, long x)) ->
              b.reset(s.row().yes(), s.row().no());
          case MergedRow.Copied(BookRow.Timed(BookRow.Delta d, long x)) ->
              assertThat(b.apply(d.row().side(), d.row().priceMicros(), d.row().deltaCenti()))
                  .as("delta applies at %d", x)
                  .isTrue();
        }
      }
      Map<String, Book> truth = script.truthAt(t);
      for (String market : script.markets()) {
        assertThat(books.getOrDefault(market, new Book()))
            .as("%s at +%d µs", market, t - ExchangeScript.t(0))
            .isEqualTo(truth.get(market));
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(10);
  }

  private static long connection(MergedRow r) {
    return r instanceof MergedRow.Copied c ? c.timed().row().provenance().connectionId() : 0;
  }

  private static long seq(MergedRow r) {
    return r instanceof MergedRow.Copied c ? c.timed().row().provenance().seq() : 0;
  }

  static {
    assertThat(KalshiWsMessage.NO_TIME).isEqualTo(Long.MIN_VALUE);
  }
}
