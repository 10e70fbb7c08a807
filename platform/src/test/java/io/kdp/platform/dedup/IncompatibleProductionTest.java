package io.kdp.platform.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.store.production.ProductionStore;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A production database whose schema history an incompatible build wrote (here: migration 1's
 * checksum differs) stops {@code kdp dedup} at start-up with exit code 2 and one line naming the
 * database and the difference — no stack trace, no advice to run Flyway's repair — and the database
 * is left as it was.
 */
@Timeout(120)
class IncompatibleProductionTest {

  @TempDir Path dir;

  @Test
  void kdpDedupRefusesAProductionSchemaFromAnIncompatibleBuild() throws Exception {
    TestDatabase production = SharedPostgres.createDatabase();
    TestDatabase gatherer = SharedPostgres.createDatabase();
    ProductionStore.migrate(production.dataSource());
    try (Connection c = production.connect()) {
      c.createStatement()
          .executeUpdate(
              "UPDATE flyway_history_production SET checksum = checksum + 1 WHERE version = '1'");
    }
    String history = history(production);
    Path config = DedupConfigFile.write(dir, production, gatherer);

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    int exit;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      exit =
          new CommandLine(new DedupCommand())
              .execute("--config", config.toString(), "--admin-port", "0");
    } finally {
      System.setErr(saved);
    }

    String printed = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(2);
    assertThat(printed.lines().toList())
        .containsExactly(
            "kdp dedup: database '"
                + production.name()
                + "' holds a production schema from an incompatible build of kdp (Migration"
                + " checksum mismatch for migration version 1); it cannot be migrated in place:"
                + " use a new database, or drop this one if its data can go");
    assertThat(history(production)).as("schema history untouched").isEqualTo(history);
  }

  private static String history(TestDatabase db) throws Exception {
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT string_agg(installed_rank || ':' || coalesce(version, '') || ':'"
                        + " || coalesce(checksum, 0) || ':' || success, ',' ORDER BY"
                        + " installed_rank) FROM flyway_history_production")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
