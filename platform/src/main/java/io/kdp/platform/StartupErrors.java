package io.kdp.platform;

import io.kdp.store.schema.IncompatibleSchemaException;

/**
 * Start-up failures an operator fixes rather than a developer debugs: printed as one line on
 * standard error (no stack trace), with exit code {@link #EXIT}.
 */
public final class StartupErrors {

  /** The exit code of a start-up failure the operator must fix (as for bad configuration). */
  public static final int EXIT = 2;

  private StartupErrors() {}

  /** The incompatible-schema error anywhere in {@code t}'s causes, or null. */
  public static IncompatibleSchemaException incompatibleSchema(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof IncompatibleSchemaException e) {
        return e;
      }
    }
    return null;
  }
}
