package io.kdp.store;

import io.kdp.store.schema.Retention;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a gatherer's two databases are and how to pool connections to them. The two URLs may name
 * the same database.
 *
 * @param timeseriesUrl JDBC URL of the time-series database
 * @param metadataUrl JDBC URL of the metadata database
 * @param user database user (may be null when the URL carries it)
 * @param password database password (may be null); never printed
 * @param poolSize connections per pool
 * @param retention time-series retention
 * @param maintenanceEvery how often the maintenance job runs
 */
public record StoreConfig(
    String timeseriesUrl,
    String metadataUrl,
    String user,
    String password,
    int poolSize,
    Retention retention,
    Duration maintenanceEvery) {

  public StoreConfig {
    Objects.requireNonNull(timeseriesUrl, "store.timeseries-url");
    Objects.requireNonNull(metadataUrl, "store.metadata-url");
    Objects.requireNonNull(retention, "store.retention");
    if (poolSize < 1) {
      throw new IllegalArgumentException("store.pool-size must be at least 1, was " + poolSize);
    }
    if (maintenanceEvery.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "store.maintenance-every must be at least 1s, was " + maintenanceEvery);
    }
  }

  /** Both databases at {@code url}, 4 connections each, default retention, hourly maintenance. */
  public static StoreConfig of(String url) {
    return new StoreConfig(url, url, null, null, 4, Retention.defaults(), Duration.ofHours(1));
  }

  @Override
  public String toString() {
    return "StoreConfig[timeseriesUrl="
        + redact(timeseriesUrl)
        + ", metadataUrl="
        + redact(metadataUrl)
        + ", user="
        + user
        + ", password="
        + (password == null ? "null" : "***")
        + ", poolSize="
        + poolSize
        + ", retention="
        + retention
        + ", maintenanceEvery="
        + maintenanceEvery
        + "]";
  }

  /** A JDBC URL with any {@code password=} parameter masked. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
