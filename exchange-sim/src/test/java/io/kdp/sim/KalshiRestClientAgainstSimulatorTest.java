package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.client.config.ApiCredentials;
import io.kdp.client.config.KalshiClientConfig;
import io.kdp.client.config.KalshiEnvironment;
import io.kdp.client.config.RateLimitTier;
import io.kdp.client.rest.CandlesticksQuery;
import io.kdp.client.rest.EventsQuery;
import io.kdp.client.rest.KalshiAuthException;
import io.kdp.client.rest.KalshiNotFoundException;
import io.kdp.client.rest.KalshiRestClient;
import io.kdp.client.rest.MarketsQuery;
import io.kdp.client.rest.RateLimiterRegistry;
import io.kdp.client.rest.RestCallCounts;
import io.kdp.client.rest.RestOrderbook;
import io.kdp.client.rest.RestTransport;
import io.kdp.client.rest.TokenBucket;
import io.kdp.client.rest.TradesQuery;
import io.kdp.client.rest.wire.EventData;
import io.kdp.client.rest.wire.Market;
import io.kdp.client.rest.wire.Trade;
import io.kdp.client.ws.message.Level;
import io.kdp.sim.world.MarketState;
import io.kdp.sim.world.TradeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@link KalshiRestClient} against the real simulator on port 0: every market and trade
 * exactly once across small pages, signed orderbook calls accepted with the simulator's key and
 * rejected with another key or none, typed 404s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class KalshiRestClientAgainstSimulatorTest {

  SimFixture f;
  KalshiRestClient client;
  final RestCallCounts counts = new RestCallCounts();
  Path dir;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    f = new SimFixture(dir, SimFixture.fastWorld(40, 400, 11));
    f.run(Duration.ofSeconds(90), Duration.ofMillis(100));
    client = client(new ApiCredentials(f.sim.keyId(), f.sim.privateKeyFile()));
  }

  KalshiRestClient client(ApiCredentials credentials) {
    KalshiClientConfig config =
        new KalshiClientConfig(
            KalshiEnvironment.localhost(f.sim.port()),
            Optional.ofNullable(credentials),
            RateLimitTier.custom(1000, 1000));
    return KalshiRestClient.open(
        config,
        new RateLimiterRegistry(TokenBucket::perSecond),
        RestTransport.Settings.defaults().withMetrics(counts),
        null);
  }

  @AfterAll
  void stop() throws Exception {
    client.close();
    f.close();
  }

  @Test
  void everyMarketExactlyOnceAcrossSmallPages() {
    List<String> expected =
        f.sim.world().read(() -> f.sim.world().markets().stream().map(m -> m.ticker).toList());
    assertThat(expected).hasSizeGreaterThan(40);
    List<String> paged = client.markets(MarketsQuery.ALL.withLimit(7)).map(Market::ticker).toList();
    assertThat(paged).isEqualTo(expected);
  }

  @Test
  void everyTradeExactlyOnceAcrossSmallPagesNewestFirst() {
    List<String> expected =
        f.sim
            .world()
            .read(
                () ->
                    f.sim.world().tape().trades().stream()
                        .map(TradeRecord::tradeId)
                        .toList()
                        .reversed());
    assertThat(expected).hasSizeGreaterThan(100);
    List<String> paged =
        client.trades(new TradesQuery(13, null, null, null)).map(Trade::tradeId).toList();
    assertThat(paged).isEqualTo(expected);
  }

  @Test
  void tradesOfOneMarketInATimeWindow() {
    TradeRecord some = f.sim.world().read(() -> f.sim.world().tape().trades().get(0));
    Instant at = Instant.ofEpochSecond(some.timeMicros() / 1_000_000);
    List<String> expected =
        f.sim
            .world()
            .read(
                () ->
                    f.sim.world().tape().trades().stream()
                        .filter(t -> t.ticker().equals(some.ticker()))
                        .filter(t -> t.timeMicros() / 1_000_000 == at.getEpochSecond())
                        .map(TradeRecord::tradeId)
                        .toList()
                        .reversed());
    assertThat(client.trades(TradesQuery.of(some.ticker(), at, at)).map(Trade::tradeId).toList())
        .isEqualTo(expected)
        .contains(some.tradeId());
  }

  @Test
  void everyEventOnceWithItsMarkets() {
    List<EventData> events = client.events(EventsQuery.ALL_WITH_MARKETS.withLimit(3)).toList();
    List<String> expected =
        f.sim.world().read(() -> f.sim.world().events().stream().map(e -> e.eventTicker).toList());
    assertThat(events)
        .extracting(EventData::eventTicker)
        .containsExactlyInAnyOrderElementsOf(expected);
    EventData first = events.get(0);
    assertThat(client.event(first.eventTicker(), true).event().markets())
        .extracting(Market::ticker)
        .isEqualTo(first.markets().stream().map(Market::ticker).toList());
  }

  @Test
  void signedOrderbooksAreAcceptedAndAgree() {
    List<String> tickers =
        client.markets(MarketsQuery.ALL.withStatus("open")).map(Market::ticker).limit(5).toList();
    assertThat(tickers).isNotEmpty();
    List<RestOrderbook> batch = client.orderbooks(tickers);
    assertThat(batch).extracting(RestOrderbook::ticker).isEqualTo(tickers);
    for (RestOrderbook book : batch) {
      assertThat(client.orderbook(book.ticker(), 0)).isEqualTo(book);
      assertAscending(book.yes());
      assertAscending(book.no());
      RestOrderbook top = client.orderbook(book.ticker(), 2);
      assertThat(top.yes())
          .isEqualTo(book.yes().subList(Math.max(0, book.yes().size() - 2), book.yes().size()));
    }
  }

  @Test
  void aWrongKeyOrNoKeyIsRejectedAtOnce() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    Path other = dir.resolve("other.pem");
    Files.writeString(
        other,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(gen.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    String ticker = f.sim.world().read(() -> f.sim.world().markets().get(0).ticker);
    long before = counts.snapshot().attempts();
    try (KalshiRestClient wrong = client(new ApiCredentials(f.sim.keyId(), other))) {
      assertThatThrownBy(() -> wrong.orderbook(ticker, 0))
          .isInstanceOfSatisfying(
              KalshiAuthException.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.errorCode()).isEqualTo("authentication_error");
              })
          .hasMessageContaining("Check the API key id");
    }
    assertThat(counts.snapshot().attempts() - before).as("401 is not retried").isEqualTo(1);
    try (KalshiRestClient anonymous = client(null)) {
      assertThatThrownBy(() -> anonymous.orderbooks(List.of(ticker)))
          .isInstanceOf(KalshiAuthException.class);
      assertThat(anonymous.market(ticker).ticker())
          .as("public endpoints need no key")
          .isEqualTo(ticker);
    }
  }

  @Test
  void exchangeSeriesCandlesAndNotFound() {
    assertThat(client.exchangeStatus().exchangeActive()).isTrue();
    assertThat(client.exchangeSchedule().standardHours()).isNotEmpty();
    assertThat(client.historicalCutoff().marketSettledTs()).isNotNull();
    MarketState m = f.sim.world().read(() -> f.sim.world().markets().get(0));
    String series = client.event(m.event.eventTicker, false).event().seriesTicker();
    assertThat(client.series(series).ticker()).isEqualTo(series);
    assertThat(client.seriesList(null, false)).extracting(s -> s.ticker()).contains(series);
    Instant end = Instant.ofEpochMilli(f.clock.millis());
    var candles =
        client.candlesticks(
            new CandlesticksQuery(series, m.ticker, end.minusSeconds(3600), end, 1, false));
    assertThat(candles.ticker()).isEqualTo(m.ticker);
    assertThatThrownBy(() -> client.market("NO-SUCH-MARKET"))
        .isInstanceOf(KalshiNotFoundException.class);
  }

  private static void assertAscending(List<Level> levels) {
    for (int i = 1; i < levels.size(); i++) {
      assertThat(levels.get(i).priceMicros()).isGreaterThan(levels.get(i - 1).priceMicros());
    }
  }
}
