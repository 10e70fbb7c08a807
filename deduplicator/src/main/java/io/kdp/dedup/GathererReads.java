package io.kdp.dedup;

import io.kdp.dedup.sync.Backoff;
import io.kdp.dedup.sync.GathererBatch;
import io.kdp.dedup.sync.GathererSource;
import io.kdp.dedup.sync.SyncSources;
import io.kdp.dedup.sync.SyncTable;
import io.kdp.store.position.Position;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Reads the gatherers' batches in parallel, one thread per gatherer, so a cycle waits for the
 * slowest gatherer rather than for all of them in turn; and lets the deduplicator start the next
 * cycle's reads while the current cycle writes. Reading has no side effect: a read whose cursors
 * did not commit is simply dropped. Backoff is consulted here and updated by the caller.
 */
final class GathererReads implements AutoCloseable {

  /** One gatherer's read: its batch, or the error (both null: skipped, its backoff not due). */
  record Read(String gatherer, GathererBatch batch, SQLException error) {}

  /**
   * Every gatherer's read, started at {@code at} from the cursors {@code from} saved against the
   * database identities {@code ids}.
   */
  record Started(
      Map<String, Map<SyncTable, Position>> from,
      Map<String, Map<String, SyncSources.Saved>> ids,
      Instant at,
      List<CompletableFuture<Read>> reads) {

    /** Waits for every read, in gatherer order. */
    List<Read> join() {
      List<Read> out = new ArrayList<>(reads.size());
      for (CompletableFuture<Read> f : reads) {
        try {
          out.add(f.join());
        } catch (CompletionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : e;
        }
      }
      return out;
    }
  }

  private final Collection<GathererSource> sources;
  private final Map<String, Backoff> backoff;
  private final int batchSize;
  private final ExecutorService readers;

  GathererReads(Collection<GathererSource> sources, Map<String, Backoff> backoff, int batchSize) {
    this.sources = sources;
    this.backoff = backoff;
    this.batchSize = batchSize;
    int n = Math.max(1, sources.size());
    // two reads per gatherer may be queued (a cycle's, and a dropped one still finishing); past
    // that the caller reads itself: never dropped, never unbounded
    this.readers =
        new ThreadPoolExecutor(
            n,
            n,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(2 * n),
            Thread.ofPlatform().name("kdp-dedup-read-", 0).daemon().factory(),
            new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /**
   * Starts reading every gatherer whose backoff is due at {@code now}, after {@code from} (saved
   * against the identities {@code ids}).
   */
  Started start(
      Map<String, Map<SyncTable, Position>> from,
      Map<String, Map<String, SyncSources.Saved>> ids,
      Instant now) {
    List<CompletableFuture<Read>> reads = new ArrayList<>();
    for (GathererSource s : sources) {
      String g = s.gatherer();
      if (!backoff.get(g).due(now)) {
        reads.add(CompletableFuture.completedFuture(new Read(g, null, null)));
        continue;
      }
      Map<SyncTable, Position> after = from.getOrDefault(g, Map.of());
      Map<String, SyncSources.Saved> saved = ids.getOrDefault(g, Map.of());
      reads.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new Read(g, s.read(after, saved, batchSize), null);
                } catch (SQLException e) {
                  return new Read(g, null, e);
                }
              },
              readers));
    }
    return new Started(Map.copyOf(from), Map.copyOf(ids), now, reads);
  }

  @Override
  public void close() {
    readers.shutdownNow();
  }
}
