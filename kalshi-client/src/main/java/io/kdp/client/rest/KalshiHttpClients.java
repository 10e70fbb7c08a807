package io.kdp.client.rest;

import java.time.Duration;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds the Jetty {@link HttpClient} the Kalshi clients share: one bounded thread pool, daemon
 * threads with a recognisable name, no redirects, connect and idle timeouts set.
 */
public final class KalshiHttpClients {

  private KalshiHttpClients() {}

  /**
   * A started client.
   *
   * @param name thread-name prefix, e.g. {@code kalshi-rest}
   * @param maxThreads bound of the thread pool (at least 4; Jetty needs a few for selectors)
   * @param maxConnectionsPerHost connections kept to one host
   */
  public static HttpClient start(String name, int maxThreads, int maxConnectionsPerHost) {
    QueuedThreadPool pool = new QueuedThreadPool(Math.max(4, maxThreads), 2);
    pool.setName(name);
    pool.setDaemon(true);
    HttpClient http = new HttpClient();
    http.setExecutor(pool);
    http.setFollowRedirects(false);
    http.setConnectTimeout(Duration.ofSeconds(10).toMillis());
    http.setIdleTimeout(Duration.ofSeconds(60).toMillis());
    http.setMaxConnectionsPerDestination(maxConnectionsPerHost);
    http.setUserAgentField(null);
    try {
      http.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the HTTP client " + name, e);
    }
    // Kalshi answers 401 without a WWW-Authenticate challenge; Jetty's authentication handlers
    // (installed by start()) would turn that into a protocol-violation failure and hide the status
    // and Kalshi's error body.
    http.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
    http.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
    return http;
  }
}
