package io.kdp.gatherer.router;

import io.kdp.gatherer.config.GathererConfig;
import io.kdp.gatherer.journal.JournalReader;
import io.kdp.gatherer.journal.JournalRecord;
import io.kdp.gatherer.journal.JournalScanner;
import io.kdp.gatherer.metrics.GathererMetrics;
import io.kdp.gatherer.writer.DatabaseHealth;
import io.kdp.gatherer.writer.TableWriters;
import io.kdp.store.GathererStore;
import io.kdp.store.schema.Migrations;
import io.kdp.store.schema.Retention;
import io.kdp.store.writer.ConnectionWatermarks;
import io.kdp.store.writer.StreamWatermarks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code kdp replay}: loads a gatherer's journal directory, one journal segment, or any capture of
 * raw frames ({@code .jsonl} / {@code .jsonl.gz}, one frame or journal record per line) into a
 * gatherer database through the same {@link FrameRouter} and writers as the live path.
 *
 * <p>Rows are positioned by journal offset (a directory) or line number (a file) and the stored
 * positions are kept per gatherer id, so replaying the same input again stores nothing twice; a
 * different capture into the same database needs its own gatherer id.
 */
public final class JournalReplay {

  /**
   * What a replay did.
   *
   * @param frames frames routed
   * @param corrupt lines or tails that could not be read (skipped and counted)
   */
  public record Result(long frames, int corrupt) {}

  private JournalReplay() {}

  /** Migrates {@code ds} if needed, loads {@code input}, waits until every row is stored. */
  public static Result run(Path input, DataSource ds, String gatherer, GathererConfig.Queues queues)
      throws SQLException, InterruptedException {
    Migrations.migrateTimeSeries(ds, Retention.defaults());
    Migrations.migrateMetadata(ds);
    GathererMetrics metrics = new GathererMetrics(gatherer, InstantSource.system());
    DatabaseHealth health = new DatabaseHealth();
    long[] frames = {0};
    long[] newest = {StreamWatermarks.NONE};
    java.util.Set<Long> connections = new java.util.HashSet<>();
    int corrupt;
    try (TableWriters writers = TableWriters.start(gatherer, ds, queues, health, metrics)) {
      FrameRouter router = new FrameRouter(gatherer, writers, metrics);
      JournalScanner.Visitor route =
          (offset, record) -> {
            awaitRoom(writers);
            router.route(offset, record);
            frames[0]++;
            newest[0] = Math.max(newest[0], record.receivedMicros());
            connections.add(ConnectionTag.parse(record.connection()).id());
          };
      if (Files.isDirectory(input)) {
        corrupt = JournalScanner.scan(input, 0, Long.MAX_VALUE, route).corrupt();
      } else {
        try (JournalReader reader = JournalReader.open(input)) {
          long line = 0;
          JournalRecord r;
          while ((r = reader.next()) != null) {
            route.visit(line++, r);
          }
          corrupt = reader.corrupt();
        }
      }
      while (!writers.drained()) {
        Thread.sleep(20);
      }
    }
    if (newest[0]
        != StreamWatermarks.NONE) { // every row is committed: complete past the last frame
      GathererStore.inTransaction(
          ds,
          c -> {
            StreamWatermarks.advance(c, gatherer, newest[0] + 1);
            List<ConnectionWatermarks.Mark> marks = new java.util.ArrayList<>();
            for (long id : connections) { // a capture's connections: complete, and over
              marks.add(new ConnectionWatermarks.Mark(id, newest[0] + 1, true));
            }
            ConnectionWatermarks.write(c, gatherer, marks, newest[0] + 1);
            return null;
          });
    }
    return new Result(frames[0], corrupt);
  }

  /** Queue sizes for a replay: large batches, short delay. */
  public static GathererConfig.Queues defaultQueues() {
    return new GathererConfig.Queues(65_536, 10_000, Duration.ofMillis(50));
  }

  private static void awaitRoom(TableWriters writers) {
    while (!writers.awaitRoom(RowPosition.PER_FRAME, 1_000)) {
      // the database is slow or down: a replay waits for it (the writers retry)
    }
  }
}
