package io.kdp.archive.export;

import io.kdp.archive.export.HourExporter.UnitFile;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A unit's files written at once on up to N connections that all read the lead connection's
 * snapshot ({@code pg_export_snapshot()} / {@code SET TRANSACTION SNAPSHOT}, as pg_dump does in
 * parallel), so the files agree with each other exactly as on one connection. The task queue holds
 * the unit's files (a dozen at most) and is bounded by their number; the manifest lists them in
 * plan order whatever order they finish in. The first failure cancels the rest and is thrown.
 */
final class ParallelUnit {

  private static final AtomicInteger THREADS = new AtomicInteger();

  interface Snapshot {
    void begin(Connection c) throws SQLException;
  }

  interface Plan {
    List<UnitFile> files(Connection lead) throws SQLException;
  }

  interface Upload {
    ExportedFile write(UnitFile file, Connection c) throws SQLException, IOException;
  }

  private ParallelUnit() {}

  static List<ExportedFile> run(
      DataSource ds, int parallelism, Snapshot snapshot, Plan plan, Upload upload)
      throws SQLException, IOException {
    List<Connection> opened = new ArrayList<>();
    try {
      Connection lead = ds.getConnection();
      opened.add(lead);
      snapshot.begin(lead);
      String id;
      try (Statement s = lead.createStatement();
          ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
        rs.next();
        id = rs.getString(1);
      }
      List<UnitFile> files = plan.files(lead);
      int n = Math.max(1, Math.min(parallelism, files.size()));
      BlockingQueue<Connection> free = new ArrayBlockingQueue<>(n);
      free.add(lead);
      for (int i = 1; i < n; i++) {
        Connection c = ds.getConnection();
        opened.add(c);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try (Statement s = c.createStatement()) {
          s.execute("SET TRANSACTION SNAPSHOT '" + id.replace("'", "''") + "'");
          s.execute("SET LOCAL work_mem = '" + HourExporter.SORT_MEMORY + "'");
        }
        free.add(c);
      }
      return runAll(files, n, free, upload);
    } finally {
      for (Connection c : opened) {
        try (c) {
          c.rollback();
        } catch (SQLException e) {
          // a connection killed mid-export cannot roll back; closing it is all that is left
        }
      }
    }
  }

  private static List<ExportedFile> runAll(
      List<UnitFile> files, int n, BlockingQueue<Connection> free, Upload upload)
      throws SQLException, IOException {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            n,
            n,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(files.size()),
            r -> {
              Thread t = new Thread(r, "archive-export-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    List<Future<ExportedFile>> futures = new ArrayList<>();
    try {
      for (UnitFile file : files) {
        futures.add(
            pool.submit(
                () -> {
                  Connection c = free.take();
                  try {
                    return upload.write(file, c);
                  } finally {
                    free.add(c);
                  }
                }));
      }
      List<ExportedFile> done = new ArrayList<>();
      for (Future<ExportedFile> f : futures) {
        done.add(f.get());
      }
      return done;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("export interrupted", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      switch (e.getCause()) {
        case SQLException sql -> throw sql;
        case IOException io -> throw io;
        case RuntimeException re -> throw re;
        default -> throw new IOException(e.getCause());
      }
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
