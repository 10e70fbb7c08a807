package io.kdp.gatherer.writer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Writes one batch of rows on a connection, inside the caller's transaction. */
@FunctionalInterface
interface BatchWrite<R> {
  void write(Connection c, List<R> rows) throws SQLException;
}
