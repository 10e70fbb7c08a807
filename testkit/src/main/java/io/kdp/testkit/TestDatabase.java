package io.kdp.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One fresh, empty database on an embedded PostgreSQL server. The user is the superuser {@code
 * postgres} with no password (the embedded server trusts local connections).
 *
 * @param name the database name, unique per server
 * @param jdbcUrl a JDBC URL for it, e.g. {@code
 *     jdbc:postgresql://localhost:5433/kdp_3?user=postgres}
 * @param user the user to connect as
 * @param dataSource an unpooled data source (one new connection per call)
 */
public record TestDatabase(String name, String jdbcUrl, String user, DataSource dataSource) {

  static TestDatabase on(int port, String name) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"localhost"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName(name);
    ds.setUser(EmbeddedServer.SUPERUSER);
    String url =
        "jdbc:postgresql://localhost:" + port + "/" + name + "?user=" + EmbeddedServer.SUPERUSER;
    return new TestDatabase(name, url, EmbeddedServer.SUPERUSER, ds);
  }

  /** The JDBC URL without the user, for a configuration that names the user (and role) apart. */
  public String urlWithoutUser() {
    return jdbcUrl.replaceAll("\\?user=.*$", "");
  }

  /** A new connection to this database (the caller closes it). */
  public Connection connect() throws SQLException {
    return dataSource.getConnection();
  }
}
