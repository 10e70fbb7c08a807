package io.kdp.sim.rest;

/**
 * Decides, before a REST request is served, whether to refuse it (rate limit, injected 429/5xx,
 * maintenance). Returns null to serve it.
 */
@FunctionalInterface
public interface RestGate {

  /** No gate: every request is served. */
  RestGate OPEN = (path, client) -> null;

  /**
   * @param path the request path, e.g. {@code /trade-api/v2/markets}
   * @param client the API key id when signed, else the remote address
   */
  ApiException check(String path, String client);
}
