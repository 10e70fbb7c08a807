package io.kdp.store.writer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between Unix µs and the JDBC types pgjdbc binds to {@code timestamptz}. */
final class Timestamps {

  private Timestamps() {}

  static OffsetDateTime offsetDateTime(long unixMicros) {
    Instant t =
        Instant.ofEpochSecond(
            Math.floorDiv(unixMicros, 1_000_000L), Math.floorMod(unixMicros, 1_000_000L) * 1000);
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  static OffsetDateTime offsetDateTime(Instant t) {
    return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
