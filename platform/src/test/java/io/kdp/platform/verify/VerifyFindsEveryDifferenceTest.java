package io.kdp.platform.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kdp.platform.demo.DemoPostgres;
import io.kdp.sim.ExchangeSimulator;
import io.kdp.sim.SimConfig;
import io.kdp.sim.world.WorldParams;
import io.kdp.store.production.ProductionStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;

/**
 * {@code kdp verify} against the real simulator and a real production schema: a production holding
 * exactly the exchange's trades passes; one trade missing, one with another price and one the
 * exchange never made are each found, and the command exits 1.
 */
@Timeout(180)
class VerifyFindsEveryDifferenceTest {

  @TempDir Path dir;
  private ExchangeSimulator sim;
  private DemoPostgres pg;
  private final HttpClient http = new HttpClient();

  @BeforeEach
  void start() throws Exception {
    sim =
        ExchangeSimulator.start(
            SimConfig.defaults(dir.resolve("sim")).withWorld(WorldParams.defaults(10, 400, 11)));
    pg = DemoPostgres.start(dir.resolve("pg"), 0);
    pg.ensureDatabases(List.of("production"));
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(pg.jdbcUrl("production"));
    ProductionStore.migrate(ds);
    http.start();
  }

  @AfterEach
  void stop() throws Exception {
    http.stop();
    sim.close();
    pg.close();
  }

  @Test
  void exactCopyPassesAndEachKindOfDifferenceIsReported() throws Exception {
    long from = Instant.now().getEpochSecond() + 1;
    await("three seconds of trades")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Instant.now().getEpochSecond() >= from + 3);
    long to = Instant.now().getEpochSecond();
    List<TradeKey> truth = ExchangeTrades.fetch(http, sim.restBase(), from, to);
    assertThat(truth).hasSizeGreaterThan(50);
    try (Connection c = pg.connect("production")) {
      for (TradeKey t : truth) {
        insert(c, t);
      }
    }
    Verifier verifier =
        new Verifier(sim.restBase(), pg.jdbcUrl("production"), null, from, to, 0, 0);
    Verifier.Result clean = verifier.run();
    assertThat(clean.checks())
        .containsExactly(
            new CheckResult("trades", truth.size(), 0, 0, 0, 0, List.of()),
            new CheckResult("candles_1m", 0, 0, 0, 0, 0, List.of()));

    TradeKey gone = truth.get(0);
    TradeKey changed = truth.get(1);
    TradeKey invented =
        new TradeKey("not-a-trade", changed.market(), 500_000, 100, "yes", (from + 1) * 1000);
    try (Connection c = pg.connect("production");
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM trades WHERE trade_id = '" + gone.tradeId() + "'");
      s.execute(
          "UPDATE trades SET yes_price = yes_price + 10000 WHERE trade_id = '"
              + changed.tradeId()
              + "'");
      insert(c, invented);
    }
    Verifier.Result dirty = verifier.run();
    CheckResult trades = dirty.checks().get(0);
    assertThat(List.of(trades.missing(), trades.extra(), trades.different()))
        .containsExactly(1L, 1L, 1L);
    assertThat(trades.examples())
        .containsExactlyInAnyOrder(
            "missing " + gone,
            "differs: exchange "
                + changed
                + " production "
                + new TradeKey(
                    changed.tradeId(),
                    changed.market(),
                    changed.yesPrice() + 10000,
                    changed.count(),
                    changed.takerSide(),
                    changed.timeMillis()),
            "not on the exchange: " + invented);
    assertThat(dirty.ok()).isFalse();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code =
          new CommandLine(new VerifyCommand())
              .execute(
                  "--sim", "http://127.0.0.1:" + sim.port(),
                  "--db", pg.jdbcUrl("production"),
                  "--from", Instant.ofEpochSecond(from).toString(),
                  "--to", Instant.ofEpochSecond(to).toString(),
                  "--candle-markets", "0");
    } finally {
      System.setOut(saved);
    }
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("trades", "DIFFERENT", "kdp verify: DIFFERENCES");
  }

  private static void insert(Connection c, TradeKey t) throws Exception {
    try (PreparedStatement q =
        c.prepareStatement(
            "INSERT INTO trades (time, trade_id, market, yes_price, no_price, count, taker_side,"
                + " block_trade, exchange_time, received_at, source, gatherer) VALUES"
                + " (to_timestamp(? / 1000.0), ?, ?, ?, ?, ?, ?, false, to_timestamp(? / 1000.0),"
                + " now(), 'ws', 'a')")) {
      q.setLong(1, t.timeMillis());
      q.setString(2, t.tradeId());
      q.setString(3, t.market());
      q.setLong(4, t.yesPrice());
      q.setLong(5, 1_000_000 - t.yesPrice());
      q.setLong(6, t.count());
      q.setString(7, t.takerSide());
      q.setLong(8, t.timeMillis());
      q.executeUpdate();
    }
  }
}
