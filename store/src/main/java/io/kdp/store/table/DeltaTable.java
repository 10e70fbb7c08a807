package io.kdp.store.table;

import io.kdp.store.copy.BinaryCopy;
import io.kdp.store.row.DeltaRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** {@code orderbook_deltas}. */
final class DeltaTable implements TimeSeriesTable<DeltaRow> {

  private static final List<String> COLUMNS =
      Columns.concat(
          List.of("received_at", "exchange_time", "market", "side", "price", "delta"),
          Columns.PROVENANCE);

  @Override
  public String name() {
    return "orderbook_deltas";
  }

  @Override
  public List<String> copyColumns() {
    return COLUMNS;
  }

  @Override
  public void encode(DeltaRow r, BinaryCopy out) throws SQLException {
    out.row(COLUMNS.size());
    out.timestamptz(r.receivedAtMicros());
    out.timestamptz(r.exchangeTimeMicros());
    out.text(r.market());
    Columns.side(r.side(), out);
    out.int8(r.priceMicros());
    out.int8(r.deltaCenti());
    Columns.provenance(r.provenance(), out);
  }

  @Override
  public DeltaRow decode(ResultSet rs) throws SQLException {
    return new DeltaRow(
        rs.getString("market"),
        Columns.side(rs, "side"),
        rs.getLong("price"),
        rs.getLong("delta"),
        Columns.micros(rs, "exchange_time"),
        Columns.micros(rs, "received_at"),
        Columns.provenance(rs));
  }
}
