package io.kdp.gatherer.connection;

import java.time.Instant;
import java.time.InstantSource;

/**
 * Hands out connection ids unique per gatherer across restarts without asking the database (which
 * may be down when a connection opens): the connect time in Unix microseconds, bumped by one when
 * two connections open in the same microsecond.
 */
public final class ConnectionIds {

  private final InstantSource clock;
  private long last;

  public ConnectionIds(InstantSource clock) {
    this.clock = clock;
  }

  public synchronized long next() {
    Instant now = clock.instant();
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    last = Math.max(last + 1, micros);
    return last;
  }
}
