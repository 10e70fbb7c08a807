package io.kdp.bench;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.store.copy.BinaryCopy;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.Provenance;
import io.kdp.store.schema.Migrations;
import io.kdp.store.schema.Retention;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.CopyWriter;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;

/**
 * {@code ./kdp bench store [ROWS] [BATCH] [ROUNDS]}: rows/s of the store's delta writer (binary
 * COPY into the partitioned {@code orderbook_deltas} with its position columns and index) against a
 * bare binary COPY of the same rows (a minimal encoder into an unpartitioned table of the same ten
 * columns, no defaults, no index), and the writer's encoder into that bare table (to separate
 * encoding cost from the table's: partition routing, position defaults, index), on one connection
 * of the embedded PostgreSQL, one commit per batch. Rounds alternate; the median and best of each
 * are printed as JSON.
 */
public final class StoreBench {

  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.flywaydb"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    TestDatabase db = SharedPostgres.createDatabase();
    Migrations.migrateTimeSeries(db.dataSource(), Retention.defaults());
    long now = System.currentTimeMillis() * 1000;
    List<DeltaRow> data = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      data.add(
          new DeltaRow(
              "KXHIGHNY-26NOV25-B" + (50 + i % 40),
              i % 2 == 0 ? Side.YES : Side.NO,
              10_000L * (1 + i % 99),
              (i % 3 == 0 ? -100L : 100L) * (1 + i % 50),
              i % 11 == 0 ? KalshiWsMessage.NO_TIME : now + i - 2000,
              now + i,
              new Provenance("a", 1 + i % 150, 1 + i % 7, i)));
    }
    CopyWriter<DeltaRow> writer = new CopyWriter<>(Tables.DELTAS);
    double[] writerRates = new double[rounds];
    double[] bareRates = new double[rounds];
    double[] encoderRates = new double[rounds];
    try (Connection c = db.connect()) {
      createBareTable(c);
      c.setAutoCommit(false);
      for (int r = -1; r < rounds; r++) {
        List<DeltaRow> sample = r < 0 ? data.subList(0, Math.min(rows, 100_000)) : data;
        truncate(c);
        double w = rate(sample.size(), () -> batches(sample, batch, b -> writer.write(c, b), c));
        truncate(c);
        double b = rate(sample.size(), () -> batches(sample, batch, x -> bareCopy(c, x), c));
        truncate(c);
        double e = rate(sample.size(), () -> batches(sample, batch, x -> encoderOnly(c, x), c));
        if (r >= 0) {
          writerRates[r] = w;
          bareRates[r] = b;
          encoderRates[r] = e;
        }
      }
    }
    System.out.println(
        String.format(
            Locale.ROOT,
            "{\"benchmark\":\"store\",\"rows\":%d,\"batch\":%d,\"rounds\":%d,"
                + "\"writer_rows_per_s\":{\"median\":%.0f,\"best\":%.0f},"
                + "\"bare_copy_rows_per_s\":{\"median\":%.0f,\"best\":%.0f},"
                + "\"writer_encoder_into_bare_table_rows_per_s\":{\"median\":%.0f,\"best\":%.0f},"
                + "\"writer_vs_bare\":%.3f}",
            rows,
            batch,
            rounds,
            median(writerRates),
            max(writerRates),
            median(bareRates),
            max(bareRates),
            median(encoderRates),
            max(encoderRates),
            median(writerRates) / median(bareRates)));
    System.exit(0);
  }

  private interface Batch {
    void write(List<DeltaRow> rows) throws SQLException, IOException;
  }

  private interface Run {
    void run() throws SQLException, IOException;
  }

  private static void batches(List<DeltaRow> rows, int size, Batch b, Connection c)
      throws SQLException, IOException {
    for (int i = 0; i < rows.size(); i += size) {
      b.write(rows.subList(i, Math.min(rows.size(), i + size)));
      c.commit();
    }
  }

  private static double rate(int n, Run run) throws SQLException, IOException {
    long t0 = System.nanoTime();
    run.run();
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  private static void truncate(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("TRUNCATE orderbook_deltas, bare_deltas");
      s.execute("CHECKPOINT");
    }
    c.commit();
  }

  /** The writer's encoder into the bare table: separates encoding cost from the table's. */
  private static void encoderOnly(Connection c, List<DeltaRow> rows) throws SQLException {
    BinaryCopy copy = BinaryCopy.start(c, "bare_deltas", Tables.DELTAS.copyColumns());
    for (DeltaRow r : rows) {
      Tables.DELTAS.encode(r, copy);
    }
    copy.finish();
  }

  /** The reference table: the delta columns, unpartitioned, no defaults, no index. */
  static void createBareTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE bare_deltas (received_at timestamptz, exchange_time timestamptz,"
              + " market text, side text, price bigint, delta bigint, gatherer text,"
              + " connection_id bigint, sid integer, seq bigint)");
    }
  }

  /** The reference: a minimal binary COPY encoder, one buffer per batch (used by GathererBench). */
  static void bareCopy(Connection c, List<DeltaRow> rows) throws SQLException, IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 110);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeBytes("PGCOPY\n\377\r\n\0");
    out.writeInt(0);
    out.writeInt(0);
    long epoch = 946_684_800_000_000L;
    for (DeltaRow r : rows) {
      out.writeShort(10);
      out.writeInt(8);
      out.writeLong(r.receivedAtMicros() - epoch);
      if (r.exchangeTimeMicros() == KalshiWsMessage.NO_TIME) {
        out.writeInt(-1);
      } else {
        out.writeInt(8);
        out.writeLong(r.exchangeTimeMicros() - epoch);
      }
      text(out, r.market());
      text(out, r.side().wire());
      out.writeInt(8);
      out.writeLong(r.priceMicros());
      out.writeInt(8);
      out.writeLong(r.deltaCenti());
      text(out, r.provenance().gatherer());
      out.writeInt(8);
      out.writeLong(r.provenance().connectionId());
      out.writeInt(4);
      out.writeInt(r.provenance().sid());
      out.writeInt(8);
      out.writeLong(r.provenance().seq());
    }
    out.writeShort(-1);
    byte[] b = bytes.toByteArray();
    var in =
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(
                "COPY bare_deltas (received_at, exchange_time, market, side, price, delta,"
                    + " gatherer, connection_id, sid, seq) FROM STDIN (FORMAT binary)");
    in.writeToCopy(b, 0, b.length);
    in.endCopy();
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(0);
  }
}
