package io.kdp.bench.decode;

import io.kdp.client.ws.codec.WsFrameDecoder;
import io.kdp.client.ws.message.KalshiWsMessage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: {@link WsFrameDecoder#decode} on current-spec Kalshi frames, one thread, ops/s = frames
 * decoded per second on one core. Run by {@code ./kdp bench decode} ({@link DecodeBench}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {

  static final String DELTA =
      "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,\"msg\":{\"market_ticker\":\"KXHIGHNY-26MAY01-T60\","
          + "\"market_id\":\"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1\",\"price_dollars\":\"0.9600\","
          + "\"delta_fp\":\"-54.00\",\"side\":\"yes\",\"ts\":\"2026-04-19T23:14:30.160405Z\","
          + "\"ts_ms\":1776640470160}}";

  static final String TRADE =
      "{\"type\":\"trade\",\"sid\":11,\"seq\":2,\"msg\":{\"trade_id\":\"d91bc706-ee49-470d-82d8-11418bda6fed\","
          + "\"market_ticker\":\"KXHIGHNY-26MAY01-T60\",\"yes_price_dollars\":\"0.3600\","
          + "\"no_price_dollars\":\"0.6400\",\"count_fp\":\"136.00\",\"taker_side\":\"no\","
          + "\"taker_outcome_side\":\"no\",\"taker_book_side\":\"ask\",\"is_block_trade\":false,"
          + "\"ts\":1776640470,\"ts_ms\":1776640470160}}";

  static final String TICKER =
      "{\"type\":\"ticker\",\"sid\":11,\"msg\":{\"market_id\":\"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1\","
          + "\"market_ticker\":\"KXHIGHNY-26MAY01-T60\",\"price_dollars\":\"0.4800\","
          + "\"yes_bid_dollars\":\"0.4500\",\"yes_ask_dollars\":\"0.5300\",\"volume_fp\":\"33896.00\","
          + "\"open_interest_fp\":\"20422.00\",\"dollar_volume\":16948,\"dollar_open_interest\":10211,"
          + "\"yes_bid_size_fp\":\"300.00\",\"yes_ask_size_fp\":\"150.00\",\"last_trade_size_fp\":\"25.00\","
          + "\"ts\":1776640470,\"ts_ms\":1776640470160,\"time\":\"2026-04-19T23:14:30Z\"}}";

  private final WsFrameDecoder decoder = new WsFrameDecoder();

  @Benchmark
  public KalshiWsMessage orderbookDelta() {
    return decoder.decode(DELTA);
  }

  @Benchmark
  public KalshiWsMessage trade() {
    return decoder.decode(TRADE);
  }

  @Benchmark
  public KalshiWsMessage ticker() {
    return decoder.decode(TICKER);
  }
}
