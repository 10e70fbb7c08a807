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
import io.micrometer.core.instrument.Counter;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns journal records (frames as received) into store rows: the one path for live frames, for the
 * journal loaded after the database was down, and for {@code kdp replay}. It decodes each frame,
 * drops duplicate {@code seq}s, opens a {@code sequence_gaps} row on a gap and closes it when every
 * market of that subscription has had a fresh snapshot, and keeps undecodable frames whole in the
 * quarantine. Live frames arrive already decoded by the client and are not decoded again. Lifecycle
 * messages are counted here; the market registry acts on them. Not thread-safe: callers serialise
 * (see {@link LiveRouting}).
 */
public final class FrameRouter {

  private final String gatherer;
  private final RowSink sink;
  private final GathererMetrics metrics;
  private final WsFrameDecoder decoder = new WsFrameDecoder();
  private final StreamSequencer sequencer = new StreamSequencer();
  private final Map<String, Counter> counters = new HashMap<>();
  private long offset;
  private int index;
  private long decodedHere;
  private String lastTag;
  private long lastConnectionId;

  public FrameRouter(String gatherer, RowSink sink, GathererMetrics metrics) {
    this.gatherer = gatherer;
    this.sink = sink;
    this.metrics = metrics;
  }

  /** Routes one frame read from the journal at {@code offset}. */
  public void route(long offset, JournalRecord record) {
    route(offset, record, null);
  }

  /**
   * Routes one frame journaled at {@code offset}; {@code decoded} is its message when the client
   * already decoded it (live frames), null to decode it here (journal loads and replays).
   */
  public void route(long offset, JournalRecord record, KalshiWsMessage decoded) {
    this.offset = offset;
    this.index = 0;
    long conn = connectionId(record.connection());
    long received = record.receivedMicros();
    KalshiWsMessage message = decoded;
    if (message == null) {
      decodedHere++;
      message = decoder.decode(record.frame());
    }
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
          count("duplicate").increment();
          return;
        }
        case GAP -> gap(m, conn, received);
        case IN_ORDER -> {}
      }
    }
    Provenance p = new Provenance(gatherer, conn, m.sid(), m.seq());
    switch (m) {
      case OrderbookSnapshot s -> {
        count("orderbook_snapshot").increment();
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
        count("orderbook_delta").increment();
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
        count("trade").increment();
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
        count("ticker").increment();
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
      case MarketLifecycle l -> count("market_lifecycle_v2").increment();
      case EventLifecycle l -> count("event_lifecycle").increment();
      case EventFeeUpdate f -> count("event_fee_update").increment();
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
    count("reply").increment();
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

  /**
   * Frames this router decoded itself (journal loads, replays) rather than reusing the client's.
   */
  public long decodedHere() {
    return decodedHere;
  }

  /** The tag's connection id; parsed once per connection, not per frame. */
  private long connectionId(String tag) {
    if (!tag.equals(lastTag)) {
      lastTag = tag;
      lastConnectionId = ConnectionTag.parse(tag).id();
    }
    return lastConnectionId;
  }

  /** The per-channel message counter, looked up once per channel rather than per message. */
  private Counter count(String channel) {
    return counters.computeIfAbsent(channel, metrics::messages);
  }

  private long next() {
    return RowPosition.of(offset, index++);
  }
}
