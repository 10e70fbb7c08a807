package io.kdp.gatherer.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kdp.gatherer.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class JournalWriterTest {

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

  record Entry(long offset, JournalRecord record) {}

  static JournalRecord frame(long i) {
    return new JournalRecord(
        1_764_072_000_000_000L + i,
        "ob-" + (i % 3),
        "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":%d,\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\",\"note\":\"quote \\\" and é\"}}"
            .formatted(i + 1));
  }

  JournalWriter open(long segmentBytes) {
    return JournalWriter.open(
        dir,
        segmentBytes,
        Duration.ofHours(1),
        Duration.ofDays(7),
        1024,
        clock,
        LoadedMarker.open(dir));
  }

  List<Entry> readAll() {
    List<Entry> out = new ArrayList<>();
    JournalScanner.scan(dir, 0, Long.MAX_VALUE, (o, r) -> out.add(new Entry(o, r)));
    return out;
  }

  static List<Entry> expected(long from, long to) {
    return LongStream.range(from, to).mapToObj(i -> new Entry(i, frame(i))).toList();
  }

  @Test
  void everyFrameIsReadBackInOrderWithItsOffset() throws Exception {
    try (JournalWriter w = open(64 << 20)) {
      for (long i = 0; i < 2000; i++) {
        assertThat(w.append(frame(i))).isEqualTo(i);
      }
    }
    assertThat(readAll()).isEqualTo(expected(0, 2000));
    assertThat(JournalSegment.list(dir)).hasSize(1);
  }

  @Test
  void segmentsRotateAtTheirSizeAndAreNamedAfterTheirFirstOffset() throws Exception {
    try (JournalWriter w = open(2048)) {
      for (long i = 0; i < 3000; i++) {
        w.append(frame(i));
        if (i % 100 == 99) {
          w.flush();
        }
      }
    }
    List<JournalSegment> segments = JournalSegment.list(dir);
    assertThat(segments.size()).isGreaterThan(3);
    assertThat(segments.getFirst().firstOffset()).isZero();
    assertThat(readAll()).isEqualTo(expected(0, 3000));
  }

  @Test
  void aSegmentOlderThanItsMaxAgeIsClosed() throws Exception {
    try (JournalWriter w = open(64 << 20)) {
      w.append(frame(0));
      w.flush();
      clock.advance(Duration.ofMinutes(61));
      await().atMost(Duration.ofSeconds(5)).until(() -> !hasOpenSegment(w));
      w.append(frame(1));
    }
    assertThat(JournalSegment.list(dir).stream().map(JournalSegment::firstOffset))
        .containsExactly(0L, 1L);
    assertThat(readAll()).isEqualTo(expected(0, 2));
  }

  private boolean hasOpenSegment(JournalWriter w) throws InterruptedException {
    // a closed gzip segment ends with its trailer, so it reads to the end without a corrupt tail
    w.flush();
    try (JournalReader r = JournalReader.open(JournalSegment.list(dir).getFirst().path())) {
      while (r.next() != null) {}
      return r.corrupt() > 0;
    }
  }

  @Test
  void aRestartContinuesTheOffsetsInANewSegment() throws Exception {
    try (JournalWriter w = open(64 << 20)) {
      for (long i = 0; i < 10; i++) {
        w.append(frame(i));
      }
    }
    try (JournalWriter w = open(64 << 20)) {
      assertThat(w.nextOffset()).isEqualTo(10);
      for (long i = 10; i < 15; i++) {
        assertThat(w.append(frame(i))).isEqualTo(i);
      }
    }
    assertThat(JournalSegment.list(dir).stream().map(JournalSegment::firstOffset))
        .containsExactly(0L, 10L);
    assertThat(readAll()).isEqualTo(expected(0, 15));
  }

  @Test
  void aCrashedSegmentIsReadUpToItsLastGoodRecordAndTheTailIsCounted() throws Exception {
    try (JournalWriter w = open(64 << 20)) {
      for (long i = 0; i < 500; i++) {
        w.append(frame(i));
      }
    }
    Path segment = JournalSegment.list(dir).getFirst().path();
    byte[] whole = Files.readAllBytes(segment);
    Files.write(segment, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));

    List<Entry> read = new ArrayList<>();
    JournalScanner.Result result =
        JournalScanner.scan(dir, 0, Long.MAX_VALUE, (o, r) -> read.add(new Entry(o, r)));

    assertThat(result.corrupt()).isEqualTo(1);
    assertThat(read).isNotEmpty().isEqualTo(expected(0, read.size()));
    assertThat(read.size()).isLessThan(500);
    try (JournalWriter w = open(64 << 20)) {
      assertThat(w.nextOffset()).isEqualTo(read.size());
    }
  }

  @Test
  void retentionDeletesOldLoadedSegmentsAndKeepsUnloadedOnes() throws Exception {
    LoadedMarker marker = LoadedMarker.open(dir);
    try (JournalWriter w =
        JournalWriter.open(
            dir, 2048, Duration.ofHours(1), Duration.ofDays(7), 1024, clock, marker)) {
      for (long i = 0; i < 1000; i++) {
        w.append(frame(i));
        if (i % 100 == 99) {
          w.flush(); // sizes are counted in compressed bytes, which appear at each flush
        }
      }
      List<JournalSegment> before = JournalSegment.list(dir);
      assertThat(before.size()).isGreaterThan(3);
      for (JournalSegment s : before) {
        Files.setLastModifiedTime(s.path(), FileTime.from(clock.instant()));
      }
      long loadedUpTo = before.get(2).firstOffset(); // the first two segments are loaded
      marker.advance(loadedUpTo);
      clock.advance(Duration.ofDays(8));
      for (long i = 1000; i < 1200; i++) {
        w.append(frame(i)); // rotates at least once more, which runs retention
        if (i % 100 == 99) {
          w.flush();
        }
      }
      w.flush();
      List<JournalSegment> after = JournalSegment.list(dir);
      assertThat(after.getFirst().firstOffset()).isEqualTo(loadedUpTo);
      assertThat(w.segmentsDeleted()).isEqualTo(2);
    }
    List<Entry> rest = new ArrayList<>();
    JournalScanner.scan(dir, 0, Long.MAX_VALUE, (o, r) -> rest.add(new Entry(o, r)));
    assertThat(rest).isEqualTo(expected(rest.getFirst().offset(), 1200));
  }

  @Test
  void theSegmentBeingWrittenIsReadableUpToTheDurableOffset() throws Exception {
    try (JournalWriter w = open(64 << 20)) {
      for (long i = 0; i < 300; i++) {
        w.append(frame(i));
      }
      w.flush();
      assertThat(w.durableOffset()).isEqualTo(300);
      List<Entry> read = new ArrayList<>();
      JournalScanner.scan(dir, 100, w.durableOffset(), (o, r) -> read.add(new Entry(o, r)));
      assertThat(read).isEqualTo(expected(100, 300));
    }
  }
}
