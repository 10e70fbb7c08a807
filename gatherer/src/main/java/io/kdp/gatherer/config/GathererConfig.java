package io.kdp.gatherer.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a gatherer is configured with, read once at start-up from one HOCON file by {@link
 * GathererConfigReader} and validated there. Secrets are held as {@link SecretFile}s, whose
 * contents are read on use and never appear in {@code toString()}.
 *
 * @param gathererId names this gatherer in stored rows and metrics
 * @param adminPort admin HTTP port ({@code /metrics}, {@code /health}); 0 picks a free port
 */
public record GathererConfig(
    String gathererId,
    Exchange exchange,
    Database timeseries,
    Database metadata,
    Journal journal,
    Connections connections,
    Intervals intervals,
    Queues queues,
    int adminPort) {

  /** Which Kalshi hosts to use. */
  public enum Environment {
    PRODUCTION,
    DEMO,
    CUSTOM
  }

  /**
   * The exchange endpoint and credentials.
   *
   * @param apiKeyId empty when requests are not signed (only a simulator accepts that)
   * @param privateKeyFile null when {@code apiKeyId} is empty
   */
  public record Exchange(
      Environment environment,
      URI restUrl,
      URI wsUrl,
      String apiKeyId,
      SecretFile privateKeyFile,
      RateTier rateTier) {

    /** True when requests and the WebSocket upgrade are signed. */
    public boolean signed() {
      return !apiKeyId.isEmpty();
    }
  }

  /**
   * One JDBC database.
   *
   * @param passwordFile null when the server needs no password
   */
  public record Database(String url, String user, SecretFile passwordFile) {

    /** The password (first line of the password file), or empty. Never log the result. */
    public String password() {
      return passwordFile == null ? "" : passwordFile.firstLine();
    }
  }

  /** The raw frame journal on local disk. */
  public record Journal(
      Path dir,
      long segmentBytes,
      Duration segmentMaxAge,
      Duration retention,
      int bufferFrames,
      int maxBacklogFrames) {}

  /** The WebSocket connection pool. */
  public record Connections(
      int marketsPerSubscription,
      int subscriptionsPerConnection,
      int maxConnections,
      Duration idleTimeout,
      Duration reconnectMinBackoff,
      Duration reconnectMaxBackoff) {}

  /** Periodic REST work. */
  public record Intervals(
      Duration status, Duration events, Duration reconciliation, Duration snapshotPoll) {}

  /** Bounds between the router and the writers. */
  public record Queues(int writerCapacity, int batchRows, Duration batchMaxDelay) {}
}
