package io.kdp.gatherer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kdp.client.auth.KalshiSigner;
import io.kdp.client.auth.RequestSigner;
import io.kdp.client.config.ApiCredentials;
import io.kdp.client.config.KalshiClientConfig;
import io.kdp.client.config.KalshiEnvironment;
import io.kdp.client.config.RateLimitTier;
import io.kdp.client.rest.KalshiAuthException;
import io.kdp.client.rest.KalshiRestClient;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.gatherer.backfill.GapRowCloser;
import io.kdp.gatherer.backfill.TradeBackfill;
import io.kdp.gatherer.config.GathererConfig;
import io.kdp.gatherer.config.GathererConfigException;
import io.kdp.gatherer.connection.ChannelGap;
import io.kdp.gatherer.connection.ConnectionListener;
import io.kdp.gatherer.connection.ConnectionManager;
import io.kdp.gatherer.journal.JournalWriter;
import io.kdp.gatherer.journal.LoadedMarker;
import io.kdp.gatherer.metrics.AdminServer;
import io.kdp.gatherer.metrics.GathererMetrics;
import io.kdp.gatherer.metrics.Health;
import io.kdp.gatherer.poller.SnapshotPoller;
import io.kdp.gatherer.registry.MarketRegistry;
import io.kdp.gatherer.registry.RegistrySync;
import io.kdp.gatherer.router.FrameRouter;
import io.kdp.gatherer.router.LiveRouting;
import io.kdp.gatherer.writer.DatabaseHealth;
import io.kdp.gatherer.writer.TableWriters;
import io.kdp.gatherer.writer.WatermarkWriter;
import io.kdp.store.schema.Migrations;
import io.kdp.store.schema.Retention;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gatherer, wired from its configuration: databases (migrated), journal, writers, router, REST
 * client, market registry, connection pool, snapshot poller, trade back-fill, admin port.
 */
public final class Gatherer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Gatherer.class);
  private static final Duration FIRST_CONNECT = Duration.ofSeconds(15);

  private final GathererConfig config;
  private final HikariDataSource timeseries;
  private final HikariDataSource metadataDb;
  private final GathererMetrics metrics;
  private final DatabaseHealth health = new DatabaseHealth();
  private final JournalWriter journal;
  private final TableWriters writers;
  private final LiveRouting routing;
  private final WatermarkWriter watermarks;
  private final KalshiRestClient rest;
  private final MarketRegistry registry = new MarketRegistry();
  private final ConnectionManager connections;
  private final ReadGate gate;
  private final RegistrySync sync;
  private final SnapshotPoller poller;
  private final TradeBackfill backfill;
  private final GapRowCloser gapRows;
  private AdminServer admin;

  private Gatherer(GathererConfig config, InstantSource clock) throws Exception {
    this.config = config;
    String id = config.gathererId();
    timeseries = pool(config.timeseries(), "timeseries-" + id);
    metadataDb = pool(config.metadata(), "metadata-" + id);
    Migrations.migrateTimeSeries(timeseries, Retention.defaults());
    Migrations.migrateMetadata(metadataDb);
    metrics = new GathererMetrics(id, clock);
    GathererConfig.Journal j = config.journal();
    LoadedMarker marker = LoadedMarker.open(j.dir());
    journal =
        JournalWriter.open(
            j.dir(),
            j.segmentBytes(),
            j.segmentMaxAge(),
            j.retention(),
            j.bufferFrames(),
            clock,
            marker);
    writers = TableWriters.start(id, timeseries, config.queues(), health, metrics);
    routing =
        new LiveRouting(
            journal, j.dir(), new FrameRouter(id, writers, metrics), writers, health, marker);
    watermarks =
        new WatermarkWriter(
            id, timeseries, routing, writers, clock, WatermarkWriter.DEFAULT_INTERVAL);
    metrics.journalBacklog(routing::backlog);
    metrics.queueDepth("journal", journal::bufferDepth);
    GathererConfig.Exchange ex = config.exchange();
    Optional<ApiCredentials> creds =
        ex.signed()
            ? Optional.of(new ApiCredentials(ex.apiKeyId(), ex.privateKeyFile().path()))
            : Optional.empty();
    KalshiEnvironment env =
        new KalshiEnvironment(ex.environment().name().toLowerCase(), ex.restUrl(), ex.wsUrl());
    RateLimitTier tier =
        switch (ex.rateTier()) {
          case BASIC -> RateLimitTier.BASIC;
          case ADVANCED -> RateLimitTier.ADVANCED;
          case PREMIER -> RateLimitTier.PREMIER;
          case PRIME -> RateLimitTier.PRIME;
        };
    rest = KalshiRestClient.open(new KalshiClientConfig(env, creds, tier));
    RequestSigner signer = creds.map(c -> (RequestSigner) KalshiSigner.load(c, clock)).orElse(null);
    backfill = new TradeBackfill(rest, timeseries, id, clock, metrics);
    gapRows = new GapRowCloser(timeseries, id, clock);
    connections =
        new ConnectionManager(
            config.connections(),
            ex.wsUrl(),
            signer,
            clock,
            routing,
            metrics,
            new ConnectionListener() {
              @Override
              public void onLifecycle(ChannelMessage message) {
                Gatherer.this.sync.onLifecycle(message);
              }

              @Override
              public void onTradeOutage(long fromMicros, long toMicros) {
                backfill.fill(fromMicros, toMicros);
              }

              @Override
              public void onTradeGap(ChannelGap gap, long fromMicros, long toMicros) {
                backfill.fill(fromMicros, toMicros, () -> gapRows.healed(gap));
              }

              @Override
              public void onLifecycleGap(ChannelGap gap) {
                Gatherer.this.sync.reconcileSoon(() -> gapRows.healed(gap));
              }
            });
    gate = new ReadGate(connections, routing::backlog, j.maxBacklogFrames());
    sync =
        new RegistrySync(
            rest,
            registry,
            metadataDb,
            id,
            clock,
            metrics,
            config.intervals(),
            new RegistrySync.Listener() {
              @Override
              public void onBookMarkets(List<String> markets) {
                try {
                  connections.setBookMarkets(markets);
                } catch (Exception e) {
                  log.error("adjusting book subscriptions failed: {}", e.toString());
                }
              }

              @Override
              public void onExchangeActive(boolean active) {
                try {
                  gate.exchangeActive(active);
                } catch (Exception e) {
                  log.error("resuming connections failed: {}", e.toString());
                }
              }
            });
    poller = new SnapshotPoller(rest, connections::bookMarkets, timeseries, id, clock, metrics);
  }

  private static HikariDataSource pool(GathererConfig.Database db, String name) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(db.url());
    hc.setUsername(db.user());
    hc.setPassword(db.password());
    hc.setMaximumPoolSize(10);
    hc.setConnectionTimeout(2_000); // a writer learns fast that the database is gone
    hc.setPoolName(name);
    hc.setInitializationFailTimeout(-1); // start even when the database is down; writers retry
    return new HikariDataSource(hc);
  }

  /** Builds a gatherer (migrating its databases) without starting it. */
  public static Gatherer open(GathererConfig config, InstantSource clock) throws Exception {
    return new Gatherer(config, clock);
  }

  /**
   * Loads what the journal holds unstored, syncs the registry, opens the connections.
   *
   * @throws GathererConfigException (after closing everything) when the exchange refuses the API
   *     key on the WebSocket upgrade: no reconnect can fix that
   */
  public Gatherer start() throws Exception {
    routing.start();
    watermarks.start();
    java.time.Instant downSince = backfill.downSince();
    connections.start(downSince.getEpochSecond() * 1_000_000L + downSince.getNano() / 1_000);
    KalshiAuthException refused = connections.awaitFirstAttempts(FIRST_CONNECT);
    if (refused != null) {
      close();
      throw new GathererConfigException(
          "exchange.api-key-id \""
              + config.exchange().apiKeyId()
              + "\" refused by the exchange: "
              + refused.getMessage(),
          refused);
    }
    gate.start();
    sync.initialSync();
    connections.setBookMarkets(registry.bookMarkets());
    sync.start();
    poller.start(config.intervals().snapshotPoll());
    admin = AdminServer.start(config.adminPort(), metrics, this::health);
    log.info("gatherer {} started; admin on port {}", config.gathererId(), admin.port());
    return this;
  }

  /** Live when the database takes writes and frames are routed as they arrive. */
  public Health health() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("database", health.up() ? "up" : "down");
    details.put("routing", routing.live() ? "live" : "journal-only");
    details.put("journal_backlog", routing.backlog());
    details.put("reading", gate.backlogFull() ? "stopped: journal backlog at its limit" : "on");
    Map<String, String> states = new LinkedHashMap<>();
    connections.states().forEach((k, v) -> states.put(k, v.name()));
    details.put("connections", states);
    KalshiAuthException refused = connections.refused();
    if (refused != null) {
      details.put("exchange_key", "refused: " + refused.getMessage());
    }
    return new Health(
        refused == null && health.up() && routing.live() && !gate.backlogFull(), details);
  }

  public GathererMetrics metrics() {
    return metrics;
  }

  public ConnectionManager connections() {
    return connections;
  }

  public RegistrySync registrySync() {
    return sync;
  }

  public SnapshotPoller poller() {
    return poller;
  }

  public TradeBackfill backfill() {
    return backfill;
  }

  public LiveRouting routing() {
    return routing;
  }

  public TableWriters writers() {
    return writers;
  }

  /** The admin port (after {@link #start()}). */
  public int adminPort() {
    return admin.port();
  }

  @Override
  public void close() throws Exception {
    gate.close();
    sync.close();
    poller.close();
    backfill.close();
    gapRows.close();
    connections.close();
    watermarks.close();
    routing.close();
    journal.close();
    writers.close();
    rest.close();
    if (admin != null) {
      admin.close();
    }
    timeseries.close();
    metadataDb.close();
  }
}
