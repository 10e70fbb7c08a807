package io.kdp.dedup.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The read-only database role the deduplicator uses on a gatherer's databases. Run {@link #create}
 * as the databases' owner once per gatherer database (or the same statements by hand, see
 * deduplicator/README.md): {@code LOGIN}, {@code SELECT} on every table now and later, and {@code
 * default_transaction_read_only} so that even a bug cannot write.
 */
public final class ReaderRole {

  private ReaderRole() {}

  /**
   * Creates (if missing) role {@code role} and grants it read access to the database {@code c} is
   * connected to. {@code role} must be a plain identifier; the password is set only when non-null.
   */
  public static void create(Connection c, String role, String password) throws SQLException {
    if (!role.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("role must be a plain lower-case identifier: " + role);
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '"
              + role
              + "') THEN CREATE ROLE "
              + role
              + " LOGIN; END IF; END $$");
      if (password != null) {
        s.execute("ALTER ROLE " + role + " PASSWORD " + s.enquoteLiteral(password));
      }
      s.execute("ALTER ROLE " + role + " SET default_transaction_read_only = on");
      s.execute("GRANT USAGE ON SCHEMA public TO " + role);
      s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
      s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO " + role);
    }
  }
}
