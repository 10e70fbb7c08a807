package io.kdp.store;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Classifies database errors in one place: a lost connection or a server going away is retriable
 * (the data is still held by the caller, or in the gatherer's journal); anything else is a bug or
 * bad data and fails the batch.
 */
public final class StoreErrors {

  private StoreErrors() {}

  /**
   * True when {@code e} (or a cause) says the connection or server is gone: SQLState class {@code
   * 08} (connection exception), {@code 57P01}–{@code 57P03} (shutdown, crash, cannot connect now),
   * or an I/O error.
   */
  public static boolean connectionLost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
    }
    return false;
  }
}
