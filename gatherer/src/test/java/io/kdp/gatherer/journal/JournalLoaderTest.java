package io.kdp.gatherer.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.gatherer.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class JournalLoaderTest {

  @TempDir Path dir;

  /** Records what the loader did, in order. */
  static final class RecordingSink implements JournalSink {
    final List<String> events = new ArrayList<>();

    @Override
    public void accept(long offset, JournalRecord record) {
      events.add(offset + ":" + record.connection());
    }

    @Override
    public void commit() {
      events.add("commit");
    }
  }

  @Test
  void loadsFromTheMarkerCommittingInStepsAndMovesTheMarker() throws Exception {
    LoadedMarker marker = LoadedMarker.open(dir);
    try (JournalWriter w =
        JournalWriter.open(
            dir,
            64 << 20,
            Duration.ofHours(1),
            Duration.ofDays(7),
            16,
            new MutableClock(Instant.EPOCH),
            marker)) {
      for (int i = 0; i < 7; i++) {
        w.append(new JournalRecord(i, "c" + i, "{\"type\":\"x\"}"));
      }
      w.flush();
      marker.advance(2); // records 0 and 1 were committed live
      RecordingSink sink = new RecordingSink();

      JournalScanner.Result result =
          new JournalLoader(dir, marker, 2).load(w.durableOffset(), sink);

      assertThat(sink.events)
          .containsExactly("2:c2", "3:c3", "commit", "4:c4", "5:c5", "commit", "6:c6", "commit");
      assertThat(result).isEqualTo(new JournalScanner.Result(5, 0, 7));
      assertThat(marker.get()).isEqualTo(7);
      assertThat(LoadedMarker.open(dir).get()).isEqualTo(7);

      RecordingSink again = new RecordingSink();
      new JournalLoader(dir, marker, 2).load(w.durableOffset(), again);
      assertThat(again.events).containsExactly("commit");
    }
  }

  @Test
  void aCaptureOfBareFramesReadsWithBadLinesSkippedAndCounted() throws Exception {
    Path capture =
        Files.writeString(
            dir.resolve("capture.jsonl"),
            """
            {"type":"trade","sid":1,"seq":1,"msg":{}}
            {"type":"trade","sid":1,"seq":2,"msg":
            not json at all

            {"received_us":17,"connection":"ob-1","frame":"{\\"type\\":\\"ticker\\"}"}
            """);
    List<JournalRecord> read = new ArrayList<>();
    try (JournalReader r = JournalReader.open(capture)) {
      JournalRecord rec;
      while ((rec = r.next()) != null) {
        read.add(rec);
      }
      assertThat(r.corrupt()).isEqualTo(2);
      assertThat(r.records()).isEqualTo(2);
    }
    assertThat(read)
        .containsExactly(
            new JournalRecord(0, "capture", "{\"type\":\"trade\",\"sid\":1,\"seq\":1,\"msg\":{}}"),
            new JournalRecord(17, "ob-1", "{\"type\":\"ticker\"}"));
  }
}
