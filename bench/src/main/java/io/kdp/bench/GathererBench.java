package io.kdp.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.typesafe.config.ConfigFactory;
import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.gatherer.Gatherer;
import io.kdp.gatherer.config.GathererConfig;
import io.kdp.gatherer.config.GathererConfigReader;
import io.kdp.sim.ExchangeSimulator;
import io.kdp.sim.SimConfig;
import io.kdp.sim.world.WorldParams;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.Provenance;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.LoggerFactory;

/**
 * {@code ./kdp bench gatherer [--markets M] [--rate R] [--seconds S] [--warmup W] [--connections
 * N]}: one gatherer in this JVM against the in-process simulator (world rate R) and the embedded
 * PostgreSQL. Prints one JSON object: rows committed per second (all time-series tables), p50/p99
 * from exchange time to commit visibility (deltas, polled every 10 ms), process CPU seconds per
 * million rows, a bare binary COPY of the same delta rows afterwards ({@link StoreBench#bareCopy}),
 * and heap per WebSocket connection (heap after GC with N book connections open minus with none,
 * over N, against a second, slow simulator; it includes the simulator's server-side session, which
 * lives in this JVM too).
 */
public final class GathererBench {

  private GathererBench() {}

  public static void main(String[] args) throws Exception {
    int markets = arg(args, "--markets", 400);
    int rate = arg(args, "--rate", 100_000);
    int seconds = arg(args, "--seconds", 20);
    int warmup = arg(args, "--warmup", 5);
    int connections = arg(args, "--connections", 150);
    for (String quiet : new String[] {"io.zonky", "org.flywaydb", "com.zaxxer", "io.kdp"}) {
      ((Logger) LoggerFactory.getLogger(quiet)).setLevel(Level.WARN);
    }
    Path dir = Files.createTempDirectory("kdp-bench-gatherer");
    TestDatabase db = SharedPostgres.createDatabase();
    StringBuilder json = new StringBuilder("{\"benchmark\":\"gatherer\"");
    try (ExchangeSimulator sim = simulator(dir.resolve("sim"), markets, rate);
        Gatherer g = Gatherer.open(config(sim, db, dir, "", 0), InstantSource.system()).start();
        CommitLatencySampler latency = new CommitLatencySampler(db, 10).start()) {
      await(() -> !g.connections().bookMarkets().isEmpty(), 120);
      Thread.sleep(warmup * 1000L);
      long rows0 = rows(db);
      long emitted0 = sim.world().read(() -> sim.world().emittedCount());
      long cpu0 = JvmMeters.processCpuNanos();
      long simCpu0 = JvmMeters.simulatorThreadCpuNanos();
      long t0 = System.nanoTime();
      latency.record(true);
      Thread.sleep(seconds * 1000L);
      latency.record(false);
      long wall = System.nanoTime() - t0;
      long cpu = JvmMeters.processCpuNanos() - cpu0;
      long simCpu = JvmMeters.simulatorThreadCpuNanos() - simCpu0;
      long rows = rows(db) - rows0;
      long emitted = sim.world().read(() -> sim.world().emittedCount()) - emitted0;
      double[] lat = latency.summary();
      double w = wall / 1e9;
      json.append(
          String.format(
              Locale.ROOT,
              ",\"markets\":%d,\"world_rate_target\":%d,\"book_markets\":%d,\"seconds\":%.1f,"
                  + "\"world_messages_per_s\":%.0f,\"committed_rows_per_s\":%.0f,"
                  + "\"latency_ms\":{\"samples\":%.0f,\"p50\":%.1f,\"p99\":%.1f,\"max\":%.1f,"
                  + "\"poll_ms\":10},\"process_cpu_s\":%.2f,\"cpu_s_per_million_rows\":%.2f,"
                  + "\"simulator_threads_cpu_s\":%.2f,\"cpu_s_per_million_rows_without_simulator\":%.2f,"
                  + "\"cores_used\":%.2f,\"spilled_frames\":%d,\"journal_backlog_end\":%d",
              markets,
              rate,
              g.connections().bookMarkets().size(),
              w,
              emitted / w,
              rows / w,
              lat[0],
              lat[1],
              lat[2],
              lat[3],
              cpu / 1e9,
              rows == 0 ? -1 : cpu / 1e9 / (rows / 1e6),
              simCpu / 1e9,
              rows == 0 ? -1 : (cpu - simCpu) / 1e9 / (rows / 1e6),
              cpu / (double) wall,
              g.routing().spilledFrames(),
              g.routing().backlog()));
    }
    List<DeltaRow> deltas = storedDeltas(db, 1_000_000);
    double deltaRate = 0;
    if (!deltas.isEmpty()) {
      try (Connection c = db.connect()) {
        StoreBench.createBareTable(c);
        c.setAutoCommit(false);
        long t0 = System.nanoTime();
        for (int i = 0; i < deltas.size(); i += 10_000) {
          StoreBench.bareCopy(c, deltas.subList(i, Math.min(deltas.size(), i + 10_000)));
          c.commit();
        }
        deltaRate = deltas.size() / ((System.nanoTime() - t0) / 1e9);
      }
    }
    json.append(
        String.format(
            Locale.ROOT,
            ",\"bare_copy_same_delta_rows\":{\"rows\":%d,\"batch\":10000,\"rows_per_s\":%.0f}",
            deltas.size(),
            deltaRate));
    json.append(heapPerConnection(dir, connections));
    json.append(
        String.format(
            Locale.ROOT,
            ",\"available_processors\":%d,\"load_average_1m\":%.2f}",
            Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    System.out.println(json);
    System.exit(0);
  }

  /** Heap after GC with {@code n} book connections (one market each) minus with none, over n. */
  private static String heapPerConnection(Path dir, int n) throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (ExchangeSimulator sim = simulator(dir.resolve("sim-heap"), n, 50);
        Gatherer g = Gatherer.open(config(sim, db, dir, "heap", n), InstantSource.system())) {
      g.start();
      await(() -> g.connections().bookMarkets().size() >= n && allLive(g, n + 3), 180);
      List<String> books = g.connections().bookMarkets();
      long with = JvmMeters.heapAfterGc();
      g.connections().setBookMarkets(List.of());
      await(() -> g.connections().states().size() == 3, 60);
      long without = JvmMeters.heapAfterGc();
      g.connections().setBookMarkets(books);
      return String.format(
          Locale.ROOT,
          ",\"heap_per_connection\":{\"connections\":%d,\"heap_with_mb\":%.1f,"
              + "\"heap_without_mb\":%.1f,\"kb_per_connection\":%.1f,"
              + "\"includes_simulator_session\":true}",
          n,
          with / 1e6,
          without / 1e6,
          (with - without) / 1e3 / n);
    }
  }

  private static boolean allLive(Gatherer g, int count) {
    var states = g.connections().states();
    return states.size() >= count
        && states.values().stream().allMatch(s -> s.name().equals("LIVE"));
  }

  private static ExchangeSimulator simulator(Path dir, int markets, int rate) throws Exception {
    return ExchangeSimulator.start(
        SimConfig.defaults(dir)
            .withWorld(WorldParams.defaults(markets, rate, 1))
            .withWebSocket(Math.max(1000, markets * 2), 50_000, Duration.ofSeconds(10)));
  }

  private static GathererConfig config(
      ExchangeSimulator sim, TestDatabase db, Path dir, String id, int oneMarketConnections) {
    String shards =
        oneMarketConnections > 0
            ? "connections { markets-per-subscription = 1, subscriptions-per-connection = 1,"
                + " max-connections = "
                + oneMarketConnections
                + " }"
            : "";
    String hocon =
        """
        kdp.gatherer {
          id = "b%s"
          exchange { environment = custom, rest-url = "%s", ws-url = "%s",
                     api-key-id = "%s", private-key-file = "%s", rate-tier = prime }
          databases.timeseries { url = "%s", user = "postgres" }
          databases.metadata { url = "%s", user = "postgres" }
          journal.dir = "%s"
          %s
          admin.port = 0
        }
        """
            .formatted(
                id,
                sim.restBase(),
                sim.wsUri(),
                sim.keyId(),
                sim.privateKeyFile(),
                db.jdbcUrl(),
                db.jdbcUrl(),
                dir.resolve("journal" + id),
                shards);
    return GathererConfigReader.from(ConfigFactory.parseString(hocon), Map.of());
  }

  private static long rows(TestDatabase db) throws SQLException {
    long total = 0;
    try (Connection c = db.connect()) {
      for (String t :
          new String[] {"orderbook_deltas", "orderbook_snapshots", "trades", "tickers"}) {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + t);
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          total += rs.getLong(1);
        }
      }
    }
    return total;
  }

  private static List<DeltaRow> storedDeltas(TestDatabase db, int max) throws SQLException {
    List<DeltaRow> out = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT (extract(epoch FROM received_at) * 1000000)::bigint,"
                    + " (extract(epoch FROM exchange_time) * 1000000)::bigint, market, side,"
                    + " price, delta, gatherer, connection_id, sid, seq FROM orderbook_deltas"
                    + " ORDER BY pos LIMIT ?")) {
      ps.setInt(1, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long exchange = rs.getLong(2);
          boolean noExchangeTime = rs.wasNull();
          out.add(
              new DeltaRow(
                  rs.getString(3),
                  Side.fromWire(rs.getString(4)),
                  rs.getLong(5),
                  rs.getLong(6),
                  noExchangeTime ? KalshiWsMessage.NO_TIME : exchange,
                  rs.getLong(1),
                  new Provenance(rs.getString(7), rs.getLong(8), rs.getInt(9), rs.getLong(10))));
        }
      }
    }
    return out;
  }

  private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("bench: condition not met in " + seconds + " s");
      }
      Thread.sleep(100);
    }
  }

  private static int arg(String[] args, String name, int dflt) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return dflt;
  }
}
