package io.kdp.store.table;

import io.kdp.store.row.EventRow;
import io.kdp.store.row.MarketRow;
import io.kdp.store.row.MarketStatusChange;
import io.kdp.store.row.SeriesRow;
import io.kdp.store.writer.MetadataReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The metadata tables as positioned tables: a cursor on {@link #MARKETS} reads each market again
 * whenever its stored state changes; one on {@link #STATUS_CHANGES} reads the history once.
 */
public final class MetadataTables {

  public static final PositionedTable<MarketRow> MARKETS = table("markets", MetadataReader::market);
  public static final PositionedTable<EventRow> EVENTS = table("events", MetadataReader::event);
  public static final PositionedTable<SeriesRow> SERIES = table("series", MetadataReader::series);
  public static final PositionedTable<MarketStatusChange> STATUS_CHANGES =
      table("market_status_changes", MetadataReader::statusChange);

  private MetadataTables() {}

  /**
   * Metadata table {@code name} read with each row whole as a JSON document ({@code to_jsonb(row)}
   * without {@code txid} and {@code pos}), for a follower that picks the columns it needs.
   */
  public static PositionedTable<String> json(String name) {
    if (!name.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a table name: " + name);
    }
    return table(
        name, "(to_jsonb(" + name + ") - 'txid' - 'pos')::text AS doc", rs -> rs.getString("doc"));
  }

  private interface Decoder<R> {
    R decode(ResultSet rs) throws SQLException;
  }

  private static <R> PositionedTable<R> table(String name, Decoder<R> decoder) {
    return table(name, name + ".*", decoder);
  }

  private static <R> PositionedTable<R> table(String name, String columns, Decoder<R> decoder) {
    return new PositionedTable<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<String> readColumns() {
        return List.of(columns);
      }

      @Override
      public R decode(ResultSet rs) throws SQLException {
        return decoder.decode(rs);
      }
    };
  }
}
