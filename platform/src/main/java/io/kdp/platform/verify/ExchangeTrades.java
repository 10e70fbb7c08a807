package io.kdp.platform.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import io.kdp.client.rest.wire.Trade;
import io.kdp.client.rest.wire.TradesPage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;

/**
 * Every trade the exchange reports in a window: {@code GET /markets/trades} with {@code min_ts},
 * {@code max_ts}, {@code limit=1000}, following {@code cursor} until it comes back empty.
 */
final class ExchangeTrades {

  private static final ObjectMapper JSON = KalshiJson.mapper();

  private ExchangeTrades() {}

  /** Trades with {@code fromSec <= created_time < toSec} (whole seconds), in exchange order. */
  static List<TradeKey> fetch(HttpClient http, URI restBase, long fromSec, long toSec)
      throws Exception {
    List<TradeKey> out = new ArrayList<>();
    String cursor = "";
    do {
      String url =
          restBase
              + "/markets/trades?limit=1000&min_ts="
              + fromSec
              + "&max_ts="
              + toSec
              + (cursor.isEmpty()
                  ? ""
                  : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      ContentResponse r = http.newRequest(URI.create(url)).timeout(30, TimeUnit.SECONDS).send();
      if (r.getStatus() != 200) {
        throw new IllegalStateException("GET " + url + " answered " + r.getStatus());
      }
      TradesPage page = JSON.readValue(r.getContent(), TradesPage.class);
      for (Trade t : page.trades()) {
        TradeKey k = of(t);
        if (k.timeMillis() >= fromSec * 1000 && k.timeMillis() < toSec * 1000) {
          out.add(k);
        }
      }
      cursor = page.cursor() == null ? "" : page.cursor();
    } while (!cursor.isEmpty());
    return out;
  }

  static TradeKey of(Trade t) {
    return new TradeKey(
        t.tradeId(),
        t.ticker(),
        Dollars.parse(t.yesPriceDollars()),
        Contracts.parse(t.countFp()),
        t.takerSide(),
        Instant.parse(t.createdTime()).toEpochMilli());
  }
}
