package io.kdp.store.schema;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * A database whose schema history this build of kdp does not recognise (a migration it applied
 * differs from this build's, or is unknown to it): it cannot be migrated in place. The message
 * names the database and what differs, and never advises Flyway's {@code repair}, which would only
 * hide the difference.
 */
public final class IncompatibleSchemaException extends IllegalStateException {

  private IncompatibleSchemaException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Runs {@code flyway}'s migration on {@code ds}, turning a failed validation into this exception
   * ({@code what} names the schema, e.g. "production").
   */
  public static MigrateResult migrate(FluentConfiguration flyway, DataSource ds, String what) {
    try {
      return flyway.load().migrate();
    } catch (FlywayValidateException e) {
      throw new IncompatibleSchemaException(
          "database "
              + databaseName(ds)
              + " holds a "
              + what
              + " schema from an incompatible build of kdp ("
              + firstDetail(e.getMessage())
              + "); it cannot be migrated in place: use a new database, or drop this one if its"
              + " data can go",
          e);
    }
  }

  /** The first line of Flyway's message that says what differs. */
  private static String firstDetail(String message) {
    for (String line : message == null ? new String[0] : message.split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("Validate failed")) {
        return l;
      }
    }
    return "schema history differs";
  }

  private static String databaseName(DataSource ds) {
    try (Connection c = ds.getConnection()) {
      return "'" + c.getCatalog() + "'";
    } catch (SQLException e) {
      return "(unreachable)";
    }
  }
}
