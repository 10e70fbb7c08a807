package io.kdp.store.table;

import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.QuarantinedFrame;
import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;
import java.util.List;

/** The gatherer's time-series tables. */
public final class Tables {

  public static final TimeSeriesTable<DeltaRow> DELTAS = new DeltaTable();
  public static final TimeSeriesTable<SnapshotRow> SNAPSHOTS = new SnapshotTable();
  public static final TimeSeriesTable<TradeRow> TRADES = new TradeTable();
  public static final TimeSeriesTable<TickerRow> TICKERS = new TickerTable();
  public static final TimeSeriesTable<SequenceGapRow> SEQUENCE_GAPS = new SequenceGapTable();
  public static final TimeSeriesTable<QuarantinedFrame> QUARANTINE = new QuarantineTable();

  /** The tables partitioned by day (or made hypertables), on {@code received_at}. */
  public static final List<String> PARTITIONED =
      List.of("orderbook_deltas", "orderbook_snapshots", "trades", "tickers");

  private Tables() {}
}
