package io.kdp.dedup.production;

import static io.kdp.dedup.production.SqlArrays.int8;
import static io.kdp.dedup.production.SqlArrays.micros;
import static io.kdp.dedup.production.SqlArrays.text;

import io.kdp.dedup.candles.MinuteDeltas;
import io.kdp.store.row.TickerRow;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Tickers into production, one row per market, exchange time and content: the ticker channel has no
 * seq, so identical updates from several gatherers collapse on (market, time, content hash) ({@code
 * ON CONFLICT DO NOTHING}). A ticker without an exchange time is keyed on its receive time and so
 * is kept once per gatherer.
 */
final class TickerMerge {

  private static final String SQL =
      "WITH inserted AS (INSERT INTO tickers (time, market, content_hash, price, yes_bid, yes_ask, yes_bid_size,"
          + " yes_ask_size, last_trade_size, volume, open_interest, dollar_volume,"
          + " dollar_open_interest, exchange_time, received_at, gatherer)"
          + " SELECT kdp_micros(t), m, h, p, b, a, bs, as_, lts, v, oi, dv, doi, kdp_micros(et),"
          + " kdp_micros(ra), g FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::bigint[],"
          + " ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],"
          + " ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[])"
          + " AS i(t, m, h, p, b, a, bs, as_, lts, v, oi, dv, doi, et, ra, g)"
          + " ON CONFLICT (market, time, content_hash) DO NOTHING RETURNING market, time, yes_bid,"
          + " yes_ask) SELECT market, "
          + MinuteDeltas.minuteEnd("time")
          + " e, max(yes_bid), min(yes_bid), max(yes_ask), min(yes_ask), count(*) FROM inserted"
          + " GROUP BY market, e";

  private TickerMerge() {}

  static long time(TickerRow r) {
    Long t = micros(r.exchangeTimeMicros());
    return t == null ? r.receivedAtMicros() : t;
  }

  /** A ticker's production key: one row per market, time and content. */
  record Key(String market, long time, long contentHash) {}

  static Key key(TickerRow r) {
    return new Key(r.market(), time(r), contentHash(r));
  }

  /** The first 8 bytes of SHA-256 over the ticker's exchange-given fields. */
  static long contentHash(TickerRow r) {
    ByteBuffer b = ByteBuffer.allocate(8 * 10);
    b.putLong(r.priceMicros()).putLong(r.yesBidMicros()).putLong(r.yesAskMicros());
    b.putLong(r.yesBidSizeCenti()).putLong(r.yesAskSizeCenti()).putLong(r.lastTradeSizeCenti());
    b.putLong(r.volumeCenti()).putLong(r.openInterestCenti()).putLong(r.dollarVolume());
    b.putLong(r.dollarOpenInterest());
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(b.array());
      return ByteBuffer.wrap(d).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }

  /**
   * Inserts the tickers not yet in production, by key, adding those it inserted to {@code deltas};
   * returns how many were new.
   */
  static long write(Connection c, Map<Key, TickerRow> byKey, MinuteDeltas deltas)
      throws SQLException {
    if (byKey.isEmpty()) {
      return 0;
    }
    List<Key> keys = List.copyOf(byKey.keySet());
    List<TickerRow> rows = List.copyOf(byKey.values());
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      int i = 1;
      ps.setArray(i++, int8(c, keys, Key::time));
      ps.setArray(i++, text(c, rows, TickerRow::market));
      ps.setArray(i++, int8(c, keys, Key::contentHash));
      ps.setArray(i++, int8(c, rows, TickerRow::priceMicros));
      ps.setArray(i++, int8(c, rows, TickerRow::yesBidMicros));
      ps.setArray(i++, int8(c, rows, TickerRow::yesAskMicros));
      ps.setArray(i++, int8(c, rows, TickerRow::yesBidSizeCenti));
      ps.setArray(i++, int8(c, rows, TickerRow::yesAskSizeCenti));
      ps.setArray(i++, int8(c, rows, TickerRow::lastTradeSizeCenti));
      ps.setArray(i++, int8(c, rows, TickerRow::volumeCenti));
      ps.setArray(i++, int8(c, rows, TickerRow::openInterestCenti));
      ps.setArray(i++, int8(c, rows, TickerRow::dollarVolume));
      ps.setArray(i++, int8(c, rows, TickerRow::dollarOpenInterest));
      ps.setArray(i++, int8(c, rows, r -> micros(r.exchangeTimeMicros())));
      ps.setArray(i++, int8(c, rows, TickerRow::receivedAtMicros));
      ps.setArray(i, text(c, rows, r -> r.provenance().gatherer()));
      try (ResultSet rs = ps.executeQuery()) {
        return deltas.addQuotes(rs);
      }
    }
  }
}
