package io.kdp.dedup.sync;

/**
 * The gatherer tables the deduplicator follows, each with its own cursor ({@code sync_cursors}
 * row). Time series live in the gatherer's time-series database, the rest in its metadata database.
 */
public enum SyncTable {
  TRADES("trades", false),
  TICKERS("tickers", false),
  ORDERBOOK_SNAPSHOTS("orderbook_snapshots", false),
  ORDERBOOK_DELTAS("orderbook_deltas", false),
  SEQUENCE_GAPS("sequence_gaps", false),
  SERIES("series", true),
  EVENTS("events", true),
  MARKETS("markets", true),
  MARKET_STATUS_CHANGES("market_status_changes", true);

  private final String tableName;
  private final boolean metadata;

  SyncTable(String tableName, boolean metadata) {
    this.tableName = tableName;
    this.metadata = metadata;
  }

  /** The table's name in the gatherer database and in {@code sync_cursors.table_name}. */
  public String tableName() {
    return tableName;
  }

  /** Whether it lives in the metadata database. */
  public boolean metadata() {
    return metadata;
  }

  /** The source database of the table: {@code "metadata"} or {@code "timeseries"}. */
  public String source() {
    return metadata ? "metadata" : "timeseries";
  }

  /** The tables whose rows feed the book merger (their progress gates window decisions). */
  public boolean book() {
    return this == ORDERBOOK_SNAPSHOTS || this == ORDERBOOK_DELTAS || this == SEQUENCE_GAPS;
  }
}
