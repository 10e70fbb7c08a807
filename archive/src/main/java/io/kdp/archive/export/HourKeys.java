package io.kdp.archive.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The archive's keys (Hive-style partitions, UTC):
 *
 * <pre>
 * processed/table=trades/date=2026-11-25/hour=14/part-0000.parquet
 * aggregates/table=candles_1m/date=2026-11-25/hour=14/part-0000.parquet
 * aggregates/table=candles_1d/date=2026-11-25/part-0000.parquet
 * processed/table=markets/date=2026-11-25/part-0000.parquet
 * raw/gatherer=a/table=trades/date=2026-11-25/hour=14/part-0000.parquet
 * manifests/processed/date=2026-11-25/hour=14.json
 * manifests/raw/gatherer=a/date=2026-11-25/hour=14.json
 * </pre>
 */
public final class HourKeys {

  public static final String PART = "part-0000.parquet";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);

  private HourKeys() {}

  public static Instant hourOf(Instant t) {
    return t.truncatedTo(ChronoUnit.HOURS);
  }

  static String partition(Instant hour) {
    return "date=" + DATE.format(hour) + "/hour=" + HOUR.format(hour);
  }

  static String datePartition(Instant hour) {
    return "date=" + DATE.format(hour);
  }

  public static String processed(String table, Instant hour) {
    return "processed/table=" + table + "/" + partition(hour) + "/" + PART;
  }

  /** A daily {@code processed/} file (metadata), written with the day's hour 23. */
  public static String processedDaily(String table, Instant day) {
    return "processed/table=" + table + "/" + datePartition(day) + "/" + PART;
  }

  public static String aggregate(String table, Instant hour) {
    return "aggregates/table=" + table + "/" + partition(hour) + "/" + PART;
  }

  public static String dailyAggregate(String table, Instant day) {
    return "aggregates/table=" + table + "/" + datePartition(day) + "/" + PART;
  }

  public static String raw(String gatherer, String table, Instant hour) {
    return "raw/gatherer=" + gatherer + "/table=" + table + "/" + partition(hour) + "/" + PART;
  }

  public static String processedManifest(Instant hour) {
    return "manifests/processed/" + partition(hour) + ".json";
  }

  public static String rawManifest(String gatherer, Instant hour) {
    return "manifests/raw/gatherer=" + gatherer + "/" + partition(hour) + ".json";
  }
}
