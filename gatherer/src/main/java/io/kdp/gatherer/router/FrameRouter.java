package io.kdp.gatherer.router;

import io.kdp.client.ws.codec.WsFrameDecoder;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.client.ws.message.EventFeeUpdate;
import io.kdp.client.ws.message.EventLifecycle;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.MarketLifecycle;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.OrderbookSnapshot;
import io.kdp.client.ws.message.RawFrame;
import io.kdp.client.ws.message.TickerMessage;
import io.kdp.client.ws.message.TradeMessage;
import io.kdp.gatherer.journal.JournalRecord;
import io.kdp.gatherer.metrics.GathererMetrics;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.QuarantinedFrame;
import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;

/**
 * Turns journal records (frames as received) into store rows: the one path for live frames, for the
 * journal loaded after the database was down, and for {@code kdp replay}. It decodes each frame,
 * drops duplicate {@code seq}s, opens a {@code sequence_gaps} row on a gap and closes it when every
 * market of that subscription has had a fresh snapshot, and keeps undecodable frames whole in the
 * quarantine. Lifecycle messages are counted here; the market registry acts on them. Not
 * thread-safe: callers serialise (see {@link LiveRouting}).
 */
public final class FrameRouter {

  private final String gatherer;
  private final RowSink sink;
  private final GathererMetrics metrics;
  private final WsFrameDecoder decoder = new WsFrameDecoder();
  private final StreamSequencer sequencer = new StreamSequencer();
  private long offset;
  private int index;

  public FrameRouter(String gatherer, RowSink sink, GathererMetrics metrics) {
    this.gatherer = gatherer;
    this.sink = sink;
    this.metrics = metrics;
  }

  /** Routes one frame read from the journal at {@code offset}. */
  public void route(long offset, JournalRecord record) {
    this.offset = offset;
    this.index = 0;
    ConnectionTag tag = ConnectionTag.parse(record.connection());
    long conn = tag.id();
    long received = record.receivedMicros();
    KalshiWsMessage message = decoder.decode(record.frame());
    switch (message) {
      case ChannelMessage m -> channel(m, conn, received);
      case CommandReply r -> reply(r, conn);
      case RawFrame f -> {
        metrics.malformedFrames(f.type() == null ? "undecodable" : "unmodelled").increment();
        sink.quarantine(
            next(),
            new QuarantinedFrame(0, gatherer, conn, f.text(), f.type(), f.reason(), received));
      }
    }
  }

  private void channel(ChannelMessage m, long conn, long received) {
    if (m.seq() != KalshiWsMessage.NO_SEQ && m.sid() != 0) {
      switch (sequencer.observe(conn, m.sid(), m.seq())) {
        case DUPLICATE -> {
          metrics.messages("duplicate").increment();
          return;
        }
        case GAP -> gap(m, conn, received);
        case IN_ORDER -> {}
      }
    }
    Provenance p = new Provenance(gatherer, conn, m.sid(), m.seq());
    switch (m) {
      case OrderbookSnapshot s -> {
        metrics.messages("orderbook_snapshot").increment();
        sequencer.noteMarket(conn, s.sid(), s.marketTicker());
        sink.snapshot(
            next(),
            new SnapshotRow(
                s.marketTicker(),
                FeedSource.WS,
                s.yes(),
                s.no(),
                s.exchangeTimeMicros(),
                received,
                p));
        if (sequencer.snapshotArrived(conn, s.sid(), s.marketTicker())) {
          sink.gapClosed(next(), gatherer, conn, s.sid(), received);
        }
      }
      case OrderbookDelta d -> {
        metrics.messages("orderbook_delta").increment();
        sequencer.noteMarket(conn, d.sid(), d.marketTicker());
        sink.delta(
            next(),
            new DeltaRow(
                d.marketTicker(),
                d.side(),
                d.priceMicros(),
                d.deltaCenti(),
                d.exchangeTimeMicros(),
                received,
                p));
      }
      case TradeMessage t -> {
        metrics.messages("trade").increment();
        sink.trade(
            next(),
            new TradeRow(
                t.tradeId(),
                t.marketTicker(),
                t.yesPriceMicros(),
                t.noPriceMicros(),
                t.countCenti(),
                t.takerSide(),
                t.takerOutcomeSide(),
                t.takerBookSide(),
                t.blockTrade(),
                FeedSource.WS,
                t.exchangeTimeMicros(),
                received,
                p));
      }
      case TickerMessage t -> {
        metrics.messages("ticker").increment();
        sink.ticker(
            next(),
            new TickerRow(
                t.marketTicker(),
                t.priceMicros(),
                t.yesBidMicros(),
                t.yesAskMicros(),
                t.yesBidSizeCenti(),
                t.yesAskSizeCenti(),
                t.lastTradeSizeCenti(),
                t.volumeCenti(),
                t.openInterestCenti(),
                t.dollarVolume(),
                t.dollarOpenInterest(),
                t.exchangeTimeMicros(),
                received,
                p));
      }
      case MarketLifecycle l -> metrics.messages("market_lifecycle_v2").increment();
      case EventLifecycle l -> metrics.messages("event_lifecycle").increment();
      case EventFeeUpdate f -> metrics.messages("event_fee_update").increment();
    }
  }

  private void gap(ChannelMessage m, long conn, long received) {
    metrics.seqGaps(Long.toString(conn)).increment();
    sink.gapOpened(
        next(),
        SequenceGapRow.open(
            gatherer,
            conn,
            m.sid(),
            sequencer.expectedOnGap(),
            m.seq(),
            sequencer.markets(conn, m.sid()),
            received));
    sequencer.openGap(conn, m.sid());
  }

  private void reply(CommandReply r, long conn) {
    metrics.messages("reply").increment();
    switch (r) {
      case CommandReply.Subscribed s -> sequencer.forget(conn, s.sid());
      case CommandReply.Unsubscribed u -> sequencer.forget(conn, u.sid());
      case CommandReply.Ok ok when ok.sid() != 0 -> {
        sequencer.observeReply(conn, ok.sid(), ok.seq());
        if (ok.marketTickers() != null) {
          ok.marketTickers().forEach(t -> sequencer.noteMarket(conn, ok.sid(), t));
        }
      }
      default -> {}
    }
  }

  private long next() {
    return RowPosition.of(offset, index++);
  }
}
