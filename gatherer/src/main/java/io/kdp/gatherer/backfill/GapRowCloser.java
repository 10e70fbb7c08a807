package io.kdp.gatherer.backfill;

import io.kdp.gatherer.connection.ChannelGap;
import io.kdp.store.GathererStore;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the {@code sequence_gaps} row of a {@link ChannelGap} once it is healed. The router writes
 * the open row through the gap writer's queue (or, while the database is down, only when the
 * journal is loaded), so the row may not be stored yet: the update is retried every second until it
 * closes that row or {@link #GIVE_UP} passes. Only the gap's own row (by {@code received_seq}) is
 * closed: closing "every open row detected so far" let a later gap's close take an earlier row
 * whose own close had not found it yet, and the later row, stored after, then stayed open. Closing
 * re-positions the row like the router's own close ({@code txid}, {@code pos}), so a position
 * cursor reads it again, closed.
 */
public final class GapRowCloser implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GapRowCloser.class);
  static final Duration GIVE_UP = Duration.ofMinutes(10);
  private static final String CLOSE =
      "UPDATE sequence_gaps SET recovered_at = ?, txid = pg_current_xact_id(),"
          + " pos = nextval('sequence_gaps_pos_seq') WHERE gatherer = ? AND connection_id = ?"
          + " AND sid = ? AND received_seq = ? AND recovered_at IS NULL";

  private final DataSource ds;
  private final String gatherer;
  private final InstantSource clock;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("gap-closer").daemon().unstarted(r));

  public GapRowCloser(DataSource timeseriesDb, String gatherer, InstantSource clock) {
    this.ds = timeseriesDb;
    this.gatherer = gatherer;
    this.clock = clock;
  }

  /** Closes {@code gap}'s rows now, or as soon as they are stored. */
  public void healed(ChannelGap gap) {
    Instant deadline = clock.instant().plus(GIVE_UP);
    scheduler.execute(() -> attempt(gap, deadline));
  }

  private void attempt(ChannelGap gap, Instant deadline) {
    int closed = 0;
    try {
      closed =
          GathererStore.inTransaction(
              ds,
              c -> {
                try (PreparedStatement ps = c.prepareStatement(CLOSE)) {
                  ps.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                  ps.setString(2, gatherer);
                  ps.setLong(3, gap.connectionId());
                  ps.setInt(4, gap.sid());
                  ps.setLong(5, gap.receivedSeq());
                  return ps.executeUpdate();
                }
              });
    } catch (Exception e) {
      log.warn("closing the gap rows of {} failed, retrying: {}", gap, e.toString());
    }
    if (closed > 0) {
      log.info("{}: healed, its gap row closed", gap);
    } else if (clock.instant().isBefore(deadline)) {
      scheduler.schedule(() -> attempt(gap, deadline), 1, TimeUnit.SECONDS);
    } else {
      log.warn("{}: healed, but its open gap row did not appear within {}", gap, GIVE_UP);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
