package io.kdp.gatherer.router;

import io.kdp.store.table.TimeSeriesTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads a time-series table back through the store's own decoder, in position order. */
public final class StoredRows {

  private StoredRows() {}

  public static <R> List<R> of(DataSource ds, TimeSeriesTable<R> table) throws SQLException {
    String sql =
        "SELECT "
            + String.join(", ", table.readColumns())
            + " FROM "
            + table.name()
            + " ORDER BY txid, pos";
    List<R> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(table.decode(rs));
      }
    }
    return out;
  }
}
