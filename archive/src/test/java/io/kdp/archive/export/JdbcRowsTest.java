package io.kdp.archive.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timestamps cross from PostgreSQL to µs exactly, in binary transfer and in text. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdbcRowsTest {

  private static final String VALUES =
      "SELECT t FROM (VALUES (timestamptz '2026-11-20T14:00:00.000001Z'),"
          + " (timestamptz '1999-12-31T23:59:59.999999Z'), (NULL::timestamptz),"
          + " (timestamptz '2000-01-01T00:00:00Z')) v(t)";

  private static final List<Long> EXPECTED =
      java.util.Arrays.asList(
          micros("2026-11-20T14:00:00Z") + 1,
          micros("2000-01-01T00:00:00Z") - 1,
          null,
          micros("2000-01-01T00:00:00Z"));

  @Test
  void binaryTransferHandsOverTheServersEightBytesAndTheyMeanTheSameInstant() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(VALUES)) {
      TableExport.binary(s);
      List<Long> values = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          byte[] raw = rs.getBytes(1);
          assertThat(raw == null || raw.length == 8).as("binary transfer").isTrue();
          values.add(JdbcRows.micros(rs, 1));
        }
      }
      assertThat(values).isEqualTo(EXPECTED);
    }
  }

  @Test
  void textTransferGivesTheSameMicroseconds() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(VALUES)) {
      List<Long> values = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          values.add(JdbcRows.micros(rs, 1));
        }
      }
      assertThat(values).isEqualTo(EXPECTED);
    }
  }

  @Test
  void anInfiniteTimestampIsRefused() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement("SELECT timestamptz 'infinity'")) {
      TableExport.binary(s);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        assertThatThrownBy(() -> JdbcRows.micros(rs, 1))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("infinite");
      }
    }
  }

  private static long micros(String instant) {
    return Instant.parse(instant).getEpochSecond() * 1_000_000L;
  }
}
