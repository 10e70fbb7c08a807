package io.kdp.store.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.store.GathererStore;
import io.kdp.store.Rows;
import io.kdp.store.StoreDatabases;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.Provenance;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.CopyWriter;
import io.kdp.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Four writers commit in whatever order they race to; a concurrent follower misses nothing. */
@Timeout(180)
class ConcurrentWritersCursorTest {

  private static final int WRITERS = 4;
  private static final int BATCHES = 60;
  private static final int BATCH = 25;

  @Test
  void aFollowerReadingWhileFourWritersRaceReadsEveryRowExactlyOnce() throws Exception {
    TestDatabase db = StoreDatabases.migrated();
    CopyWriter<DeltaRow> writer = new CopyWriter<>(Tables.DELTAS);
    PositionCursor<DeltaRow> cursor = new PositionCursor<>(Tables.DELTAS);
    List<DeltaRow> written = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        List<DeltaRow> mine = rows(w);
        written.addAll(mine);
        writers.add(
            pool.submit(
                () -> {
                  for (int b = 0; b < BATCHES; b++) {
                    List<DeltaRow> batch = mine.subList(b * BATCH, (b + 1) * BATCH);
                    GathererStore.inTransaction(db.dataSource(), c -> writer.write(c, batch));
                  }
                  return null;
                }));
      }
      List<DeltaRow> read = new ArrayList<>();
      Position at = Position.START;
      boolean writersDone = false;
      while (true) {
        writersDone = writersDone || writers.stream().allMatch(Future::isDone);
        PositionBatch<DeltaRow> batch = cursor.read(db.dataSource(), at, 40);
        read.addAll(batch.values());
        at = batch.next();
        if (writersDone && batch.rows().isEmpty()) {
          break;
        }
      }
      for (Future<?> f : writers) {
        f.get();
      }

      assertThat(read).hasSameSizeAs(written).containsExactlyInAnyOrderElementsOf(written);
      for (int w = 0; w < WRITERS; w++) {
        String g = "w" + w;
        // within one writer, commit order is program order, and so is position order
        assertThat(read.stream().filter(r -> r.provenance().gatherer().equals(g)).toList())
            .isEqualTo(rows(w));
      }
    }
  }

  private static List<DeltaRow> rows(int writer) {
    return IntStream.range(0, BATCHES * BATCH)
        .mapToObj(
            i -> {
              DeltaRow d = Rows.delta(i);
              return new DeltaRow(
                  d.market(),
                  d.side(),
                  d.priceMicros(),
                  d.deltaCenti(),
                  d.exchangeTimeMicros(),
                  d.receivedAtMicros(),
                  new Provenance("w" + writer, writer, 1, i));
            })
        .toList();
  }
}
