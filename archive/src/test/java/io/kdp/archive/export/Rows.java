package io.kdp.archive.export;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Query results as plain lists, for whole-list comparisons between PostgreSQL and DuckDB. */
final class Rows {

  private Rows() {}

  static List<List<Object>> query(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          row.add(v instanceof Integer x ? Long.valueOf(x) : v);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Runs {@code sql} in a fresh in-memory DuckDB (the independent Parquet reader). */
  static List<List<Object>> duckdb(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      return query(c, sql);
    }
  }
}
