package io.kdp.platform.admin;

import java.util.List;

/** Where the status page's candle chart and market picker read from. */
public interface CandleSource {

  /** A short name shown under the chart ({@code production}, {@code exchange}). */
  String name();

  /** Tickers the user can pick, most interesting first, at most {@code limit}. */
  List<String> markets(int limit) throws Exception;

  /** The 1-minute candles of {@code ticker} whose periods end within the last {@code minutes}. */
  List<Candle> candles(String ticker, int minutes) throws Exception;
}
