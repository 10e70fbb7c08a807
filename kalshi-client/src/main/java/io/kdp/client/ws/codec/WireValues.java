package io.kdp.client.ws.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import io.kdp.client.model.Side;
import java.io.IOException;

/**
 * Reads one value at the parser's current token into exact units, straight from Jackson's token
 * buffer: prices and counts accept JSON strings ({@code "0.4200"}) and JSON numbers ({@code 0.42}),
 * and are parsed once by {@link Dollars}/{@link Contracts}.
 */
final class WireValues {

  /** Sentinel for "field not seen"; no real price or count comes near it. */
  static final long ABSENT = Long.MIN_VALUE + 1;

  private WireValues() {}

  /** A FixedPointDollars value as micro-dollars; {@code ""} or null is {@code emptyValue}. */
  static long dollars(JsonParser p, String field, long emptyValue) throws IOException {
    if (!scalarNumberText(p, field)) {
      return emptyValue;
    }
    int len = p.getTextLength();
    return len == 0 ? emptyValue : Dollars.parse(p.getTextCharacters(), p.getTextOffset(), len);
  }

  /** A FixedPointCount value as hundredths; {@code ""} or null is {@code emptyValue}. */
  static long contracts(JsonParser p, String field, long emptyValue) throws IOException {
    if (!scalarNumberText(p, field)) {
      return emptyValue;
    }
    int len = p.getTextLength();
    return len == 0 ? emptyValue : Contracts.parse(p.getTextCharacters(), p.getTextOffset(), len);
  }

  /** A legacy integer-cent price (e.g. {@code "price": 96}) as micro-dollars. */
  static long cents(JsonParser p, String field) throws IOException {
    return Math.multiplyExact(integer(p, field), Dollars.ONE / 100);
  }

  /** A legacy whole-contract count (e.g. {@code "count": 136}) as hundredths. */
  static long wholeContracts(JsonParser p, String field) throws IOException {
    return Math.multiplyExact(integer(p, field), Contracts.ONE);
  }

  static long integer(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (t == JsonToken.VALUE_STRING) {
      return Long.parseLong(p.getText());
    }
    throw new WireException(field + ": expected an integer, got " + t);
  }

  /** A string field through the cache (tickers, ids); null stays null. */
  static String text(JsonParser p, StringCache cache, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw new WireException(field + ": expected a string, got " + t);
    }
    return cache.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  /** {@code "yes"}/{@code "no"} without allocating; null stays null. */
  static Side side(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_STRING) {
      char[] b = p.getTextCharacters();
      int o = p.getTextOffset();
      int n = p.getTextLength();
      if (n == 3 && b[o] == 'y' && b[o + 1] == 'e' && b[o + 2] == 's') {
        return Side.YES;
      }
      if (n == 2 && b[o] == 'n' && b[o + 1] == 'o') {
        return Side.NO;
      }
    }
    throw new WireException(field + ": not a side: " + p.getText());
  }

  /** {@code ts_ms}: Unix milliseconds to microseconds. */
  static long millisAsMicros(JsonParser p, String field) throws IOException {
    return Math.multiplyExact(integer(p, field), 1_000L);
  }

  /** {@code ts}: Unix seconds (number) or RFC 3339 (string), to microseconds. */
  static long tsAsMicros(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return Math.multiplyExact(p.getLongValue(), 1_000_000L);
    }
    if (t == JsonToken.VALUE_STRING) {
      char[] b = p.getTextCharacters();
      int o = p.getTextOffset();
      int n = p.getTextLength();
      if (n > 0 && b[o] >= '0' && b[o] <= '9' && n <= 12 && allDigits(b, o, n)) {
        return Math.multiplyExact(Long.parseLong(p.getText()), 1_000_000L);
      }
      return Rfc3339.parseMicros(b, o, n);
    }
    throw new WireException(field + ": expected seconds or RFC 3339, got " + t);
  }

  /** Exchange time: {@code ts_ms} if present, else {@code ts}, else {@code NO_TIME}. */
  static long exchangeTime(long tsMsMicros, long tsMicros, long noTime) {
    return tsMsMicros != ABSENT ? tsMsMicros : tsMicros != ABSENT ? tsMicros : noTime;
  }

  static boolean bool(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    throw new WireException(field + ": expected a boolean, got " + t);
  }

  static long require(long value, String type, String field) {
    if (value == ABSENT) {
      throw new WireException(type + ": missing " + field);
    }
    return value;
  }

  static <T> T require(T value, String type, String field) {
    if (value == null) {
      throw new WireException(type + ": missing " + field);
    }
    return value;
  }

  private static boolean scalarNumberText(JsonParser p, String field) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING
        || t == JsonToken.VALUE_NUMBER_INT
        || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw new WireException(field + ": expected a decimal, got " + t);
  }

  private static boolean allDigits(char[] b, int o, int n) {
    for (int i = o; i < o + n; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
    }
    return true;
  }
}
