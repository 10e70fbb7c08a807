package io.kdp.client.rest;

import io.kdp.client.auth.KalshiSigner;
import io.kdp.client.auth.RequestSigner;
import io.kdp.client.config.ApiCredentials;
import io.kdp.client.config.KalshiClientConfig;
import io.kdp.client.rest.Paginator.Page;
import io.kdp.client.rest.wire.CandlesticksResponse;
import io.kdp.client.rest.wire.EventData;
import io.kdp.client.rest.wire.EventResponse;
import io.kdp.client.rest.wire.EventsPage;
import io.kdp.client.rest.wire.ExchangeStatus;
import io.kdp.client.rest.wire.HistoricalCandlesticksResponse;
import io.kdp.client.rest.wire.HistoricalCutoff;
import io.kdp.client.rest.wire.Market;
import io.kdp.client.rest.wire.MarketResponse;
import io.kdp.client.rest.wire.MarketsPage;
import io.kdp.client.rest.wire.OrderbookResponse;
import io.kdp.client.rest.wire.OrderbooksResponse;
import io.kdp.client.rest.wire.Schedule;
import io.kdp.client.rest.wire.ScheduleResponse;
import io.kdp.client.rest.wire.Series;
import io.kdp.client.rest.wire.SeriesList;
import io.kdp.client.rest.wire.SeriesResponse;
import io.kdp.client.rest.wire.Trade;
import io.kdp.client.rest.wire.TradesPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jetty.client.HttpClient;

/**
 * Kalshi's REST market-data endpoints, read-only. Listings are lazy streams over cursor pages
 * ({@link Paginator}); every call goes through one {@link RestTransport} (token bucket per key,
 * signing when a key is configured, retries). Thread-safe; close it to stop an owned HTTP client.
 *
 * <pre>{@code
 * try (KalshiRestClient kalshi = KalshiRestClient.open(config)) {
 *   kalshi.markets(MarketsQuery.ALL.withStatus("open")).forEach(m -> ...);
 * }
 * }</pre>
 */
public final class KalshiRestClient implements AutoCloseable {

  /** Most tickers {@code GET /markets/orderbooks} takes in one call. */
  public static final int MAX_BATCH_TICKERS = 100;

  private final RestTransport transport;
  private final HttpClient ownedHttp;

  public KalshiRestClient(RestTransport transport, HttpClient ownedHttp) {
    this.transport = transport;
    this.ownedHttp = ownedHttp;
  }

  /** A client with its own HTTP client, the shared per-key rate limiter and default settings. */
  public static KalshiRestClient open(KalshiClientConfig config) {
    return open(config, RateLimiterRegistry.shared(), RestTransport.Settings.defaults(), null);
  }

  /**
   * A client built from {@code config}.
   *
   * @param limiters where the key's token bucket lives (one registry per process)
   * @param http a started HTTP client to share, or null to start (and later stop) one
   */
  public static KalshiRestClient open(
      KalshiClientConfig config,
      RateLimiterRegistry limiters,
      RestTransport.Settings settings,
      HttpClient http) {
    Optional<RequestSigner> signer =
        config.credentials().map(c -> KalshiSigner.load(c, settings.clock()));
    TokenBucket bucket =
        limiters.forKey(config.credentials().map(ApiCredentials::keyId), config.rateLimit());
    HttpClient owned = http == null ? KalshiHttpClients.start("kalshi-rest", 8, 16) : null;
    RestTransport transport =
        new RestTransport(
            http == null ? owned : http, config.environment(), signer, bucket, settings);
    return new KalshiRestClient(transport, owned);
  }

  /** {@code GET /exchange/status}. */
  public ExchangeStatus exchangeStatus() {
    return transport.get("/exchange/status", QueryParams.of(), ExchangeStatus.class);
  }

  /** {@code GET /exchange/schedule}. */
  public Schedule exchangeSchedule() {
    return transport.get("/exchange/schedule", QueryParams.of(), ScheduleResponse.class).schedule();
  }

  /** {@code GET /markets}, every page. */
  public Stream<Market> markets(MarketsQuery query) {
    return Paginator.items("GET /markets", cursor -> marketsPage(query, cursor));
  }

  /** One page of {@code GET /markets}; {@code cursor} null for the first. */
  public Page<Market> marketsPage(MarketsQuery query, String cursor) {
    MarketsPage p = transport.get("/markets", query.params().withCursor(cursor), MarketsPage.class);
    return new Page<>(p.markets(), p.cursor());
  }

  /** {@code GET /markets/{ticker}}; {@link KalshiNotFoundException} if unknown or archived. */
  public Market market(String ticker) {
    return transport
        .get("/markets/" + segment(ticker), QueryParams.of(), MarketResponse.class)
        .market();
  }

  /**
   * {@code GET /markets/{ticker}/orderbook} (signed).
   *
   * @param depth levels per side, 0 for all
   */
  public RestOrderbook orderbook(String ticker, int depth) {
    OrderbookResponse r =
        transport.get(
            "/markets/" + segment(ticker) + "/orderbook",
            QueryParams.of().with("depth", depth > 0 ? depth : null),
            OrderbookResponse.class);
    return OrderbookAdapter.fromResponse(ticker, r);
  }

  /** {@code GET /markets/orderbooks?tickers=A&tickers=B} for 1..100 tickers (signed). */
  public List<RestOrderbook> orderbooks(List<String> tickers) {
    if (tickers.isEmpty() || tickers.size() > MAX_BATCH_TICKERS) {
      throw new IllegalArgumentException(
          "1.." + MAX_BATCH_TICKERS + " tickers per batch, got " + tickers.size());
    }
    OrderbooksResponse r =
        transport.get(
            "/markets/orderbooks",
            QueryParams.of().repeated("tickers", tickers),
            OrderbooksResponse.class);
    return r.orderbooks() == null
        ? List.of()
        : r.orderbooks().stream().map(OrderbookAdapter::fromBatchEntry).toList();
  }

  /** {@code GET /markets/trades}, every page. */
  public Stream<Trade> trades(TradesQuery query) {
    return tradeListing("/markets/trades", query);
  }

  /** {@code GET /events}, every page. */
  public Stream<EventData> events(EventsQuery query) {
    return Paginator.items(
        "GET /events",
        cursor -> {
          EventsPage p =
              transport.get("/events", query.params().withCursor(cursor), EventsPage.class);
          return new Page<>(p.events(), p.cursor());
        });
  }

  /** {@code GET /events/{event_ticker}}. */
  public EventResponse event(String eventTicker, boolean withNestedMarkets) {
    return transport.get(
        "/events/" + segment(eventTicker),
        QueryParams.of().with("with_nested_markets", withNestedMarkets),
        EventResponse.class);
  }

  /** {@code GET /series}: the whole list (not paginated; can be large). */
  public List<Series> seriesList(String category, boolean includeVolume) {
    SeriesList r =
        transport.get(
            "/series",
            QueryParams.of()
                .with("category", category)
                .with("include_volume", includeVolume ? true : null),
            SeriesList.class);
    return r.series() == null ? List.of() : r.series();
  }

  /** {@code GET /series/{series_ticker}}. */
  public Series series(String seriesTicker) {
    return transport
        .get("/series/" + segment(seriesTicker), QueryParams.of(), SeriesResponse.class)
        .series();
  }

  /** {@code GET /series/{s}/markets/{t}/candlesticks}. */
  public CandlesticksResponse candlesticks(CandlesticksQuery q) {
    return transport.get(
        "/series/"
            + segment(q.seriesTicker())
            + "/markets/"
            + segment(q.ticker())
            + "/candlesticks",
        q.params(),
        CandlesticksResponse.class);
  }

  /** {@code GET /historical/cutoff}. */
  public HistoricalCutoff historicalCutoff() {
    return transport.get("/historical/cutoff", QueryParams.of(), HistoricalCutoff.class);
  }

  /** {@code GET /historical/markets}, every page. */
  public Stream<Market> historicalMarkets(HistoricalMarketsQuery query) {
    return Paginator.items(
        "GET /historical/markets",
        cursor -> {
          MarketsPage p =
              transport.get(
                  "/historical/markets", query.params().withCursor(cursor), MarketsPage.class);
          return new Page<>(p.markets(), p.cursor());
        });
  }

  /** {@code GET /historical/markets/{ticker}}. */
  public Market historicalMarket(String ticker) {
    return transport
        .get("/historical/markets/" + segment(ticker), QueryParams.of(), MarketResponse.class)
        .market();
  }

  /**
   * {@code GET /historical/markets/{ticker}/candlesticks} for a market settled before the cutoff.
   *
   * @param periodMinutes 1, 60 or 1440
   */
  public HistoricalCandlesticksResponse historicalCandlesticks(
      String ticker, Instant start, Instant end, int periodMinutes) {
    CandlesticksQuery q = new CandlesticksQuery("-", ticker, start, end, periodMinutes, false);
    return transport.get(
        "/historical/markets/" + segment(ticker) + "/candlesticks",
        q.params(),
        HistoricalCandlesticksResponse.class);
  }

  /** {@code GET /historical/trades}, every page. */
  public Stream<Trade> historicalTrades(TradesQuery query) {
    return tradeListing("/historical/trades", query);
  }

  private Stream<Trade> tradeListing(String endpoint, TradesQuery query) {
    return Paginator.items(
        "GET " + endpoint,
        cursor -> {
          TradesPage p =
              transport.get(endpoint, query.params().withCursor(cursor), TradesPage.class);
          return new Page<>(p.trades(), p.cursor());
        });
  }

  /** A path segment, percent-encoded (upper-case hex) where a ticker needs it. */
  static String segment(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("empty path segment");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public void close() {
    if (ownedHttp != null) {
      try {
        ownedHttp.stop();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the HTTP client", e);
      }
    }
  }
}
