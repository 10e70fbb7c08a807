package io.kdp.platform.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import io.kdp.client.rest.wire.Candlestick;
import io.kdp.client.rest.wire.CandlesticksResponse;
import io.kdp.client.rest.wire.EventResponse;
import io.kdp.client.rest.wire.Market;
import io.kdp.client.rest.wire.MarketResponse;
import io.kdp.client.rest.wire.MarketsPage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;

/**
 * Candles as the exchange itself reports them: {@code GET
 * /series/{s}/markets/{t}/candlesticks?period_interval=1} on the exchange's public market-data REST
 * (the simulator in the demo). Used before production holds candles, and by {@code kdp verify} as
 * the exchange's side of the comparison.
 */
public final class ExchangeCandles implements CandleSource {

  private static final ObjectMapper JSON = KalshiJson.mapper();

  private final HttpClient http;
  private final URI restBase;
  private final InstantSource clock;

  /** {@code restBase} e.g. {@code http://127.0.0.1:8700/trade-api/v2}; {@code http} started. */
  public ExchangeCandles(HttpClient http, URI restBase, InstantSource clock) {
    this.http = http;
    this.restBase = restBase;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "exchange";
  }

  @Override
  public List<String> markets(int limit) throws Exception {
    MarketsPage page =
        get("/markets?status=open&limit=" + Math.min(1000, limit * 4), MarketsPage.class);
    return page.markets().stream()
        .sorted(Comparator.comparingLong(ExchangeCandles::volume).reversed())
        .limit(limit)
        .map(Market::ticker)
        .toList();
  }

  @Override
  public List<Candle> candles(String ticker, int minutes) throws Exception {
    long now = clock.millis() / 1000;
    // the period in progress ends up to a minute from now; Kalshi labels it by that end
    return candles(ticker, now - minutes * 60L, now + 60);
  }

  /** The exchange's 1-minute candles of {@code ticker} with end_period_ts in [from, to]. */
  public List<Candle> candles(String ticker, long fromEpochSeconds, long toEpochSeconds)
      throws Exception {
    String series = seriesOf(ticker);
    CandlesticksResponse r =
        get(
            "/series/"
                + enc(series)
                + "/markets/"
                + enc(ticker)
                + "/candlesticks?period_interval=1&start_ts="
                + fromEpochSeconds
                + "&end_ts="
                + toEpochSeconds,
            CandlesticksResponse.class);
    List<Candle> out = new ArrayList<>();
    for (Candlestick c : r.candlesticks()) {
      out.add(
          new Candle(
              c.endPeriodTs(),
              price(c.price() == null ? null : c.price().openDollars()),
              price(c.price() == null ? null : c.price().highDollars()),
              price(c.price() == null ? null : c.price().lowDollars()),
              price(c.price() == null ? null : c.price().closeDollars()),
              c.volumeFp() == null ? 0 : Contracts.parse(c.volumeFp())));
    }
    return out;
  }

  /** The series a market belongs to, through its event. */
  public String seriesOf(String ticker) throws Exception {
    Market m = get("/markets/" + enc(ticker), MarketResponse.class).market();
    return get("/events/" + enc(m.eventTicker()), EventResponse.class).event().seriesTicker();
  }

  private static long volume(Market m) {
    return m.volumeFp() == null ? 0 : Contracts.parse(m.volumeFp());
  }

  private static Long price(String dollars) {
    return dollars == null || dollars.isEmpty() ? null : Dollars.parse(dollars);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private <T> T get(String pathAndQuery, Class<T> type) throws Exception {
    ContentResponse r =
        http.newRequest(URI.create(restBase + pathAndQuery)).timeout(10, TimeUnit.SECONDS).send();
    if (r.getStatus() != 200) {
      throw new IllegalStateException(
          "GET " + pathAndQuery + " answered " + r.getStatus() + ": " + r.getContentAsString());
    }
    return JSON.readValue(r.getContent(), type);
  }
}
