package io.kdp.dedup.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.Level;
import io.kdp.dedup.book.BookRow;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.SnapshotRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A delta of a quiet stream delivered later than the grace: its window was decided on the
 * gatherer's word that the stream was complete, so it is merged at the start of the next window
 * (and counted) instead of only rebuilding the gatherer's book while production misses it.
 */
class LateRowTest {

  private static final long T0 = 1_795_608_000_000_000L;
  private static final long MS = 1_000;
  private static final String M = "KXLATE-M1";

  @Test
  void aRowLaterThanTheGraceOnATrustedQuietStreamIsMergedAtTheNextWindowStart() {
    BookMerger m = new BookMerger(List.of("a"), 500 * MS);
    m.add("a", snapshot("a", 1, 100 * MS));
    m.add("a", delta(2, 200 * MS, 300));
    MergeOutput first = m.decide(T0 + 1_000 * MS, Map.of("a", T0 + 1_000 * MS), 100);
    assertThat(first.rows()).hasSize(2);

    // seq 3 happened at 700 ms, within the decided window [500, 1000), and arrives only now
    BookRow late = delta(3, 700 * MS, 200);
    BookRow next = delta(4, 1_200 * MS, -100);
    m.add("a", late);
    m.add("a", next);
    MergeOutput second = m.decide(T0 + 1_500 * MS, Map.of("a", T0 + 1_500 * MS), 100);

    assertThat(second.rows())
        .containsExactly(
            new MergedRow.Copied(new BookRow.Timed(late, T0 + 1_000 * MS)),
            new MergedRow.Copied(new BookRow.Timed(next, T0 + 1_200 * MS)));
    assertThat(m.streams("a").lateMerged()).isEqualTo(1);
    assertThat(MergerCodec.decode(MergerCodec.encode(m), List.of("a")).streams("a").lateMerged())
        .isEqualTo(1);
  }

  @Test
  void rowsOfWindowsDecidedWithoutTheGathererOnlyRebuildItsBook() {
    BookMerger m = new BookMerger(List.of("a", "b"), 500 * MS);
    m.add("a", snapshot("a", 1, 100 * MS));
    m.add("b", snapshot("b", 1, 100 * MS));
    // a asserted nothing past 400 ms (it was down): the windows to 1 s are decided on b's word
    m.decide(T0 + 1_000 * MS, Map.of("a", T0 + 400 * MS, "b", T0 + 1_000 * MS), 100);
    m.add("a", delta(2, 700 * MS, 300));
    MergeOutput next = m.decide(T0 + 1_500 * MS, Map.of("b", T0 + 1_500 * MS), 100);

    assertThat(next.rows()).isEmpty();
    assertThat(m.streams("a").lateMerged()).isZero();
  }

  private static BookRow.Snapshot snapshot(String gatherer, long seq, long at) {
    return new BookRow.Snapshot(
        new SnapshotRow(
            M,
            FeedSource.WS,
            List.of(new Level(420_000, 1_000)),
            List.of(new Level(550_000, 2_000)),
            T0 + at,
            T0 + at + 5 * MS,
            new Provenance(gatherer, 7, 1, seq)));
  }

  private static BookRow.Delta delta(long seq, long at, long size) {
    return new BookRow.Delta(
        new DeltaRow(
            M, Side.YES, 420_000, size, T0 + at, T0 + at + 5 * MS, new Provenance("a", 7, 1, seq)));
  }
}
