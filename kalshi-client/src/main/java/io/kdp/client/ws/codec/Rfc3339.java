package io.kdp.client.ws.codec;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 timestamps to Unix microseconds without allocating in the common case {@code
 * 2026-04-19T23:14:30.160405Z} (the deprecated {@code ts} of {@code orderbook_delta}). Digits
 * beyond microseconds are truncated; offsets other than {@code Z} go through {@link
 * OffsetDateTime}.
 */
final class Rfc3339 {

  private Rfc3339() {}

  static long parseMicros(char[] b, int off, int len) {
    int end = off + len;
    if (len < 20 || b[off + 4] != '-' || b[off + 7] != '-' || b[off + 13] != ':') {
      return slow(b, off, len);
    }
    char t = b[off + 10];
    if ((t != 'T' && t != 't' && t != ' ') || b[off + 16] != ':' || b[end - 1] != 'Z') {
      return slow(b, off, len);
    }
    int year = digits(b, off, 4);
    int month = digits(b, off + 5, 2);
    int day = digits(b, off + 8, 2);
    int hour = digits(b, off + 11, 2);
    int minute = digits(b, off + 14, 2);
    int second = digits(b, off + 17, 2);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
      throw new DateTimeParseException("bad date-time", new String(b, off, len), 0);
    }
    long micros = 0;
    int i = off + 19;
    if (i < end - 1) {
      if (b[i] != '.') {
        return slow(b, off, len);
      }
      int scale = 100_000;
      for (i++; i < end - 1; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          throw new DateTimeParseException("bad fraction", new String(b, off, len), i - off);
        }
        micros += d * scale;
        scale /= 10;
      }
    }
    long days = daysFromCivil(year, month, day);
    long seconds = days * 86_400L + hour * 3_600L + minute * 60L + second;
    return seconds * 1_000_000L + micros;
  }

  private static int digits(char[] b, int at, int n) {
    int v = 0;
    for (int i = at; i < at + n; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        throw new DateTimeParseException("not a digit", new String(b, at, n), 0);
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** Howard Hinnant's days_from_civil: days since 1970-01-01 (proleptic Gregorian). */
  private static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468L;
  }

  private static long slow(char[] b, int off, int len) {
    OffsetDateTime t = OffsetDateTime.parse(new String(b, off, len));
    return t.toEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }
}
