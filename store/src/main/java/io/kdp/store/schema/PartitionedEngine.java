package io.kdp.store.schema;

import io.kdp.store.table.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain PostgreSQL: each time-series table is {@code PARTITION BY RANGE (received_at)} with one
 * partition per UTC day ({@code orderbook_deltas_p20261125}) and a default partition ({@code
 * orderbook_deltas_default}) so that no row is ever refused for want of a partition (a replayed old
 * journal, a clock far off). {@link #maintain} creates the partitions from yesterday to {@link
 * Retention#createAheadDays()} ahead, moving any rows of that day out of the default partition, and
 * drops whole days past {@link Retention#keep()} (and such rows from the default partition).
 */
public final class PartitionedEngine implements StorageEngine {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  /**
   * Creating and dropping partitions takes exclusive locks, and writers queue behind a waiting
   * exclusive lock request: give up after 2 s (the next run retries) rather than stall them.
   */
  private static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '2s'";

  private final Retention retention;

  public PartitionedEngine(Retention retention) {
    this.retention = retention;
  }

  @Override
  public String name() {
    return "partitioned";
  }

  @Override
  public String partitionClause() {
    return "PARTITION BY RANGE (received_at)";
  }

  @Override
  public void setUp(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String table : Tables.PARTITIONED) {
        s.execute("CREATE TABLE " + table + "_default PARTITION OF " + table + " DEFAULT");
      }
    }
    maintain(c, Instant.now());
  }

  @Override
  public MaintenanceReport maintain(Connection c, Instant now) throws SQLException {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant cutoff = now.minus(retention.keep());
    List<String> created = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    long trimmed = 0;
    for (String table : Tables.PARTITIONED) {
      TreeSet<LocalDate> days = days(c, table);
      for (LocalDate d = today.minusDays(1);
          !d.isAfter(today.plusDays(retention.createAheadDays()));
          d = d.plusDays(1)) {
        if (!days.contains(d) && start(d.plusDays(1)).isAfter(cutoff)) {
          inTransaction(c, create(table, d));
          created.add(partition(table, d));
        }
      }
      for (LocalDate d : days) {
        if (!start(d.plusDays(1)).isAfter(cutoff)) {
          inTransaction(c, List.of(LOCK_TIMEOUT, "DROP TABLE " + partition(table, d)));
          dropped.add(partition(table, d));
        }
      }
      trimmed += Trim.delete(c, "DELETE FROM " + table + "_default WHERE received_at < ?", cutoff);
    }
    return new MaintenanceReport(created, dropped, List.of(), trimmed);
  }

  /** The UTC days that {@code table} has a partition for. */
  public static TreeSet<LocalDate> days(Connection c, String table) throws SQLException {
    Pattern name = Pattern.compile(Pattern.quote(table) + "_p(\\d{8})");
    TreeSet<LocalDate> days = new TreeSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = ?::regclass")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Matcher m = name.matcher(rs.getString(1));
          if (m.matches()) {
            days.add(LocalDate.parse(m.group(1), DAY));
          }
        }
      }
    }
    return days;
  }

  private static List<String> create(String table, LocalDate day) {
    String p = partition(table, day);
    String from = "'" + start(day) + "'";
    String to = "'" + start(day.plusDays(1)) + "'";
    return List.of(
        LOCK_TIMEOUT,
        "LOCK TABLE " + table + "_default IN ACCESS EXCLUSIVE MODE",
        "CREATE TABLE " + p + " (LIKE " + table + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)",
        "WITH moved AS (DELETE FROM "
            + table
            + "_default WHERE received_at >= "
            + from
            + " AND received_at < "
            + to
            + " RETURNING *) INSERT INTO "
            + p
            + " SELECT * FROM moved",
        "ALTER TABLE "
            + table
            + " ATTACH PARTITION "
            + p
            + " FOR VALUES FROM ("
            + from
            + ") TO ("
            + to
            + ")");
  }

  private static String partition(String table, LocalDate day) {
    return table + "_p" + DAY.format(day);
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static void inTransaction(Connection c, List<String> statements) throws SQLException {
    boolean own = c.getAutoCommit();
    if (own) {
      c.setAutoCommit(false);
    }
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
      if (own) {
        c.commit();
      }
    } catch (SQLException | RuntimeException e) {
      if (own) {
        c.rollback();
      }
      throw e;
    } finally {
      if (own) {
        c.setAutoCommit(true);
      }
    }
  }
}
