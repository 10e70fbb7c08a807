package io.kdp.gatherer.journal;

import java.nio.file.Path;

/**
 * Loads the journal from its {@link LoadedMarker} into a {@link JournalSink} (the router), commits
 * every {@code commitEvery} records and at the end, and moves the marker after each commit. Used
 * when the gatherer's database comes back after being down, and at start-up after a crash.
 */
public final class JournalLoader {

  private final Path dir;
  private final LoadedMarker marker;
  private final int commitEvery;

  public JournalLoader(Path dir, LoadedMarker marker, int commitEvery) {
    if (commitEvery < 1) {
      throw new IllegalArgumentException("commitEvery must be >= 1");
    }
    this.dir = dir;
    this.marker = marker;
    this.commitEvery = commitEvery;
  }

  /** Loads records from the marker up to {@code toExclusive}; returns what was read. */
  public JournalScanner.Result load(long toExclusive, JournalSink sink) {
    long[] pending = {0, marker.get()};
    JournalScanner.Result result =
        JournalScanner.scan(
            dir,
            marker.get(),
            toExclusive,
            (offset, record) -> {
              sink.accept(offset, record);
              pending[1] = offset + 1;
              if (++pending[0] == commitEvery) {
                sink.commit();
                marker.advance(pending[1]);
                pending[0] = 0;
              }
            });
    sink.commit();
    marker.advance(result.nextOffset());
    return result;
  }
}
