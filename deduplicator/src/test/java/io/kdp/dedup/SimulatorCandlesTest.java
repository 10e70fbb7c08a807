package io.kdp.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.json.KalshiJson;
import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import io.kdp.client.rest.wire.Candlestick;
import io.kdp.client.rest.wire.CandlesticksResponse;
import io.kdp.client.rest.wire.PriceDistribution;
import io.kdp.dedup.config.DedupConfig;
import io.kdp.sim.ExchangeSimulator;
import io.kdp.sim.SimConfig;
import io.kdp.sim.world.MarketState;
import io.kdp.sim.world.WorldParams;
import io.kdp.store.GathererStore;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.TradeRow;
import io.kdp.store.writer.StreamWatermarks;
import io.kdp.store.writer.TradeWriter;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import io.kdp.testkit.TimescaleWasm;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production's candles against the simulator's candlesticks endpoint: the simulator's trades over
 * four simulated minutes across an hour boundary, stored as a gatherer stores them and merged into
 * production on plain PostgreSQL and on the WASM TimescaleDB; for every 1-minute, 1-hour and 1-day
 * period with trades, trade OHLC, volume, the volume-weighted mean and the previous price equal
 * what {@code GET /series/{s}/markets/{t}/candlesticks} returns.
 */
@Timeout(600)
class SimulatorCandlesTest {

  private static final Instant START = Instant.parse("2026-11-25T12:58:10Z");
  private static final Instant END = START.plusSeconds(240);

  @TempDir Path dir;

  @Test
  void candlesEqualTheSimulatorsCandlesticksOnBothEngines() throws Exception {
    AtomicLong millis = new AtomicLong(START.toEpochMilli());
    InstantSource clock = () -> Instant.ofEpochMilli(millis.get());
    try (ExchangeSimulator sim =
        ExchangeSimulator.start(
            SimConfig.defaults(dir.resolve("sim"))
                .withWorld(WorldParams.defaults(4, 40, 5))
                .withClock(clock, false))) {
      while (millis.addAndGet(100) <= END.toEpochMilli()) {
        sim.step();
      }
      List<TradeRow> trades = new ArrayList<>();
      List<String[]> markets = new ArrayList<>();
      sim.world()
          .locked(
              () -> {
                for (MarketState m : sim.world().markets()) {
                  markets.add(new String[] {m.event.series.ticker(), m.ticker});
                  m.trades().forEach(t -> trades.add(row(t)));
                }
              });
      assertThat(trades).hasSizeGreaterThan(100);
      TestDatabase gatherer = Fixture.gathererDatabase();
      GathererStore.inTransaction(
          gatherer.dataSource(),
          c -> {
            new TradeWriter().write(c, trades);
            StreamWatermarks.advance(c, "a", micros(END));
            return null;
          });
      TestDatabase plain = SharedPostgres.createDatabase();
      DedupConfig config = Fixture.config(plain, Map.of("a", gatherer));
      try (TimescaleWasm server = TimescaleWasm.start();
          Connection wasm = server.connect();
          Connection p = plain.connect()) {
        merge(config, null);
        merge(config, TimescaleWasm.sharing(wasm));
        wasm.setAutoCommit(true);
        int compared = 0;
        for (String[] m : markets) {
          for (int minutes : List.of(1, 60, 1440)) {
            List<String> truth = exchange(sim.restBase(), m[0], m[1], minutes);
            String table =
                minutes == 1 ? "candles_1m" : minutes == 60 ? "candles_1h" : "candles_1d";
            String sql =
                "SELECT extract(epoch FROM end_period_ts)::bigint, price_open, price_high,"
                    + " price_low, price_close, volume, price_mean, price_previous FROM "
                    + table
                    + " WHERE market = '"
                    + m[1]
                    + "' AND volume > 0 AND end_period_ts > '"
                    + START
                    + "' ORDER BY end_period_ts";
            assertThat(Fixture.rows(p, sql)).as("%s %s plain", m[1], table).isEqualTo(truth);
            assertThat(Fixture.rows(wasm, sql))
                .as("%s %s timescaledb", m[1], table)
                .isEqualTo(truth);
            compared += truth.size();
          }
        }
        assertThat(compared).isGreaterThan(10);
      }
    }
  }

  private static void merge(DedupConfig config, DataSource production) throws Exception {
    Fixture.TestClock clock = new Fixture.TestClock(micros(END) + 5_000_000);
    try (Deduplicator d =
        production == null
            ? Deduplicator.open(config, clock, new SimpleMeterRegistry())
            : Deduplicator.open(config, clock, new SimpleMeterRegistry(), production)) {
      for (int i = 0; i < 100 && !d.runOnce().caughtUp(); i++) {
        // until every row is merged
      }
    }
  }

  /** The simulator's candles with trades, after {@link #START}, as the query's rows. */
  private static List<String> exchange(URI rest, String series, String market, int minutes)
      throws Exception {
    URI uri =
        URI.create(
            rest
                + "/series/"
                + series
                + "/markets/"
                + market
                + "/candlesticks?period_interval="
                + minutes
                + "&start_ts="
                + START.getEpochSecond()
                + "&end_ts="
                + (END.getEpochSecond() + 86_400));
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      List<String> out = new ArrayList<>();
      for (Candlestick c :
          KalshiJson.mapper().readValue(r.body(), CandlesticksResponse.class).candlesticks()) {
        long volume = c.volumeFp() == null ? 0 : Contracts.parse(c.volumeFp());
        if (volume == 0 || c.endPeriodTs() <= START.getEpochSecond()) {
          continue;
        }
        PriceDistribution p = c.price();
        out.add(
            String.join(
                "|",
                String.valueOf(c.endPeriodTs()),
                price(p.openDollars()),
                price(p.highDollars()),
                price(p.lowDollars()),
                price(p.closeDollars()),
                String.valueOf(volume),
                price(p.meanDollars()),
                price(p.previousDollars())));
      }
      return out;
    }
  }

  private static String price(String dollars) {
    return dollars == null ? "null" : String.valueOf(Dollars.parse(dollars));
  }

  private static TradeRow row(io.kdp.sim.world.TradeRecord t) {
    return new TradeRow(
        t.tradeId(),
        t.ticker(),
        t.yesPriceMicros(),
        t.noPriceMicros(),
        t.countCenti(),
        t.takerSide(),
        t.takerSide(),
        null,
        false,
        FeedSource.WS,
        t.timeMicros(),
        t.timeMicros() + 5_000,
        new Provenance("a", 1, 1, t.number()));
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
  }
}
