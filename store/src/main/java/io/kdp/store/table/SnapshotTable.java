package io.kdp.store.table;

import io.kdp.client.ws.message.Level;
import io.kdp.store.copy.BinaryCopy;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.SnapshotRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code orderbook_snapshots}: each side's levels as two parallel arrays (prices, sizes). */
final class SnapshotTable implements TimeSeriesTable<SnapshotRow> {

  private static final List<String> COLUMNS =
      Columns.concat(
          List.of(
              "received_at",
              "exchange_time",
              "market",
              "source",
              "yes_prices",
              "yes_sizes",
              "no_prices",
              "no_sizes"),
          Columns.PROVENANCE);

  @Override
  public String name() {
    return "orderbook_snapshots";
  }

  @Override
  public List<String> copyColumns() {
    return COLUMNS;
  }

  @Override
  public void encode(SnapshotRow r, BinaryCopy out) throws SQLException {
    out.row(COLUMNS.size());
    out.timestamptz(r.receivedAtMicros());
    out.timestamptz(r.exchangeTimeMicros());
    out.text(r.market());
    out.text(r.source().sql());
    out.int8Array(r.yes(), Level::priceMicros);
    out.int8Array(r.yes(), Level::sizeCenti);
    out.int8Array(r.no(), Level::priceMicros);
    out.int8Array(r.no(), Level::sizeCenti);
    Columns.provenance(r.provenance(), out);
  }

  @Override
  public SnapshotRow decode(ResultSet rs) throws SQLException {
    return new SnapshotRow(
        rs.getString("market"),
        FeedSource.fromSql(rs.getString("source")),
        levels(Columns.longArray(rs, "yes_prices"), Columns.longArray(rs, "yes_sizes")),
        levels(Columns.longArray(rs, "no_prices"), Columns.longArray(rs, "no_sizes")),
        Columns.micros(rs, "exchange_time"),
        Columns.micros(rs, "received_at"),
        Columns.provenance(rs));
  }

  private static List<Level> levels(long[] prices, long[] sizes) {
    List<Level> levels = new ArrayList<>(prices.length);
    for (int i = 0; i < prices.length; i++) {
      levels.add(new Level(prices[i], sizes[i]));
    }
    return levels;
  }
}
