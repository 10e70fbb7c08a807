package io.kdp.archive.export;

import io.kdp.archive.layout.OrderbookLayout;
import io.kdp.archive.parquet.ParquetRowsWriter;
import io.kdp.archive.parquet.RowBuffer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code processed/table=orderbook} for one hour: per market a {@code start} row rebuilt
 * from the state before the hour, then the hour's snapshots and deltas (see {@link
 * OrderbookLayout}). A market with no {@code ws}/{@code resync} snapshot within {@code lookback}
 * before the hour gets a start row with null levels: its book before the hour is unknown, and its
 * first snapshot in the file begins the replay.
 */
final class OrderbookExport {

  private OrderbookExport() {}

  static long write(
      Connection c, Instant from, Instant to, Duration lookback, Path file, ExportProgress progress)
      throws SQLException, IOException {
    Map<String, Object[]> starts = startRows(c, from, to, lookback);
    try (ParquetRowsWriter out =
            ParquetRowsWriter.open(
                file,
                OrderbookLayout.TABLE,
                OrderbookLayout.SCHEMA_VERSION,
                OrderbookLayout.COLUMNS);
        RowCursor rows =
            RowCursor.open(c, OrderbookLayout.EVENTS, from, to, OrderbookLayout.COLUMNS)) {
      Iterator<Map.Entry<String, Object[]>> pending = starts.entrySet().iterator();
      RowBuffer row = new RowBuffer(OrderbookLayout.COLUMNS);
      byte[] market = null;
      while (rows.next(row)) {
        if (market == null || !row.textEquals(OrderbookLayout.MARKET, market)) {
          String rowMarket = row.text(OrderbookLayout.MARKET);
          Map.Entry<String, Object[]> start = pending.next();
          if (!start.getKey().equals(rowMarket)) {
            throw new IllegalStateException(
                "orderbook markets out of step: " + start.getKey() + " vs " + rowMarket);
          }
          out.write(start.getValue());
          market = row.textBytes(OrderbookLayout.MARKET);
        }
        out.write(row);
        if (out.rows() % TableExport.FETCH_SIZE == 0) {
          progress.rows(TableExport.FETCH_SIZE);
        }
      }
      progress.rows(out.rows() % TableExport.FETCH_SIZE);
      return out.rows();
    }
  }

  /** The start row of every market covered by [from, to), in market order. */
  private static Map<String, Object[]> startRows(
      Connection c, Instant from, Instant to, Duration lookback) throws SQLException {
    Map<String, Book> books = new LinkedHashMap<>();
    Map<String, Object[]> starts = new LinkedHashMap<>();
    long hourMicros = from.getEpochSecond() * 1_000_000L;
    try (PreparedStatement s = c.prepareStatement(OrderbookLayout.LAST_SNAPSHOTS)) {
      bind(s, from, to, lookback);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String market = rs.getString(1);
          Object[] row = new Object[OrderbookLayout.COLUMNS.size()];
          row[OrderbookLayout.MARKET] = market;
          row[OrderbookLayout.KIND] = "start";
          row[OrderbookLayout.TIME] = hourMicros;
          starts.put(market, row);
          long[] yesPrices = JdbcRows.longs(rs.getArray(2));
          if (yesPrices != null) {
            books.put(
                market,
                new Book(
                    yesPrices,
                    JdbcRows.longs(rs.getArray(3)),
                    JdbcRows.longs(rs.getArray(4)),
                    JdbcRows.longs(rs.getArray(5))));
          }
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement(OrderbookLayout.DELTAS_BEFORE)) {
      bind(s, from, to, lookback);
      s.setObject(7, from.atOffset(ZoneOffset.UTC));
      s.setFetchSize(TableExport.FETCH_SIZE);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          books.get(rs.getString(1)).apply(rs.getString(2), rs.getLong(3), rs.getLong(4));
        }
      }
    }
    books.forEach(
        (market, book) -> {
          long[][] levels = book.levels();
          Object[] row = starts.get(market);
          for (int i = 0; i < 4; i++) {
            row[OrderbookLayout.YES_PRICES + i] = levels[i];
          }
        });
    return starts;
  }

  private static void bind(PreparedStatement s, Instant from, Instant to, Duration lookback)
      throws SQLException {
    TableExport.bindRanges(s, 4, from, to);
    s.setObject(5, from.minus(lookback).atOffset(ZoneOffset.UTC));
    s.setObject(6, from.atOffset(ZoneOffset.UTC));
  }
}
