package io.kdp.bench;

import io.kdp.client.auth.KalshiSigner;
import io.kdp.client.config.ApiCredentials;
import io.kdp.client.config.KalshiClientConfig;
import io.kdp.client.config.KalshiEnvironment;
import io.kdp.client.config.RateLimitTier;
import io.kdp.client.rest.KalshiRestClient;
import io.kdp.client.rest.MarketsQuery;
import io.kdp.client.rest.RateLimiterRegistry;
import io.kdp.client.rest.RestTransport;
import io.kdp.client.rest.TokenBucket;
import io.kdp.client.rest.wire.Market;
import io.kdp.sim.ExchangeSimulator;
import io.kdp.sim.SimConfig;
import io.kdp.sim.world.WorldParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./kdp bench rest [MARKETS] [ROUNDS]}: the REST client against an in-process simulator on
 * this machine: signatures per second, markets paged per second (limit 1000 and 100) and books per
 * second through the batch orderbook endpoint. The token bucket is opened wide (the simulator is
 * being measured, not Kalshi's tier). Prints one JSON object.
 */
public final class RestBench {

  private RestBench() {}

  public static void main(String[] args) throws Exception {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    int markets = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("kdp-rest-bench");
    SimConfig sim = SimConfig.defaults(dir).withWorld(WorldParams.defaults(markets, 1000, 1));
    try (ExchangeSimulator exchange = ExchangeSimulator.start(sim)) {
      ApiCredentials key = new ApiCredentials(exchange.keyId(), exchange.privateKeyFile());
      KalshiClientConfig config =
          new KalshiClientConfig(
              KalshiEnvironment.localhost(exchange.port()),
              java.util.Optional.of(key),
              RateLimitTier.custom(1_000_000, 1_000_000));
      double signsPerSec = signatures(KalshiSigner.load(key, InstantSource.system()), 2000);
      try (KalshiRestClient client =
          KalshiRestClient.open(
              config,
              new RateLimiterRegistry(TokenBucket::perSecond),
              RestTransport.Settings.defaults(),
              null)) {
        client.markets(MarketsQuery.ALL).count(); // warm-up
        double big = marketsPerSecond(client, 1000, rounds);
        double small = marketsPerSecond(client, 100, rounds);
        List<String> open =
            client.markets(MarketsQuery.ALL.withStatus("open")).map(Market::ticker).toList();
        double books = booksPerSecond(client, open, rounds);
        System.out.printf(
            Locale.ROOT,
            "{\"markets\":%d,\"open_markets\":%d,\"signatures_per_s\":%.0f,"
                + "\"markets_per_s_limit_1000\":%.0f,\"markets_per_s_limit_100\":%.0f,"
                + "\"batch_books_per_s\":%.0f}%n",
            client.markets(MarketsQuery.ALL).count(),
            open.size(),
            signsPerSec,
            big,
            small,
            books);
      }
    }
  }

  private static double signatures(KalshiSigner signer, int n) {
    for (int i = 0; i < 200; i++) {
      signer.sign("GET", "/trade-api/v2/markets/orderbooks");
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      signer.sign("GET", "/trade-api/v2/markets/orderbooks");
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  private static double marketsPerSecond(KalshiRestClient client, int limit, int rounds) {
    long count = 0;
    long t0 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      count += client.markets(MarketsQuery.ALL.withLimit(limit)).count();
    }
    return count / ((System.nanoTime() - t0) / 1e9);
  }

  private static double booksPerSecond(KalshiRestClient client, List<String> tickers, int rounds) {
    long count = 0;
    long t0 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < tickers.size(); i += KalshiRestClient.MAX_BATCH_TICKERS) {
        List<String> batch =
            tickers.subList(i, Math.min(tickers.size(), i + KalshiRestClient.MAX_BATCH_TICKERS));
        count += client.orderbooks(batch).size();
      }
    }
    return count / ((System.nanoTime() - t0) / 1e9);
  }
}
