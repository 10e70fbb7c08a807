package io.kdp.gatherer.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kdp.client.json.KalshiJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The gatherer's admin HTTP port: {@code GET /metrics} (Prometheus text format) and {@code GET
 * /health} (JSON; 200 when live, 503 when not). A small Jetty server with its own bounded pool.
 */
public final class AdminServer implements AutoCloseable {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Server server;
  private final ServerConnector connector;

  private AdminServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /** Starts serving on {@code port} (0 = a free port; see {@link #port()}). */
  public static AdminServer start(int port, GathererMetrics metrics, Supplier<Health> health)
      throws Exception {
    QueuedThreadPool pool = new QueuedThreadPool(8, 2);
    pool.setName("admin-http");
    Server server = new Server(pool);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new AdminHandler(metrics, health));
    server.start();
    return new AdminServer(server, connector);
  }

  /** The bound port. */
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static final class AdminHandler extends Handler.Abstract.NonBlocking {
    private final GathererMetrics metrics;
    private final Supplier<Health> health;

    AdminHandler(GathererMetrics metrics, Supplier<Health> health) {
      this.metrics = metrics;
      this.health = health;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
        throws JsonProcessingException {
      String path = Request.getPathInContext(request);
      if (!"GET".equals(request.getMethod())) {
        return reply(
            response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "text/plain", "GET only\n");
      }
      return switch (path) {
        case "/metrics" -> reply(response, callback, 200, PROMETHEUS_TEXT, metrics.scrape());
        case "/health" -> {
          Health h = health.get();
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("status", h.live() ? "UP" : "DOWN");
          body.putAll(h.details());
          yield reply(
              response,
              callback,
              h.live() ? 200 : HttpStatus.SERVICE_UNAVAILABLE_503,
              "application/json",
              KalshiJson.mapper().writeValueAsString(body));
        }
        default -> reply(response, callback, 404, "text/plain", "not found: " + path + "\n");
      };
    }

    private static boolean reply(
        Response response, Callback callback, int status, String type, String body) {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
      Content.Sink.write(response, true, body, callback);
      return true;
    }
  }
}
