package io.kdp.platform.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdp.platform.status.StatusCollector;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The platform's admin HTTP, for any role: {@code /metrics} (Prometheus text from the role's
 * registry) and {@code /health} (200 or 503, JSON) always; with a {@link StatusCollector} also the
 * status page at {@code /}, {@code /api/status}, and with a {@link CandleSource} {@code
 * /api/markets} and {@code /api/candles?ticker=T&minutes=M}.
 */
public final class AdminServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAGE = "/io/kdp/platform/admin/status.html";

  private final Server server;
  private final Supplier<String> metrics;
  private final Supplier<Health> health;
  private final StatusCollector status;
  private final CandleSource candles;
  private final byte[] page;

  private AdminServer(
      String host,
      int port,
      Supplier<String> metrics,
      Supplier<Health> health,
      StatusCollector status,
      CandleSource candles)
      throws IOException {
    this.metrics = metrics;
    this.health = health;
    this.status = status;
    this.candles = candles;
    try (InputStream in = AdminServer.class.getResourceAsStream(PAGE)) {
      this.page = in.readAllBytes();
    }
    QueuedThreadPool pool = new QueuedThreadPool(16, 2);
    pool.setName("admin-http");
    server = new Server(pool);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new Routes());
  }

  /**
   * Starts on {@code host:port} (0 = any free port); {@code status}/{@code candles} may be null.
   */
  public static AdminServer start(
      String host,
      int port,
      PrometheusMeterRegistry registry,
      Supplier<Health> health,
      StatusCollector status,
      CandleSource candles)
      throws Exception {
    return start(host, port, registry::scrape, health, status, candles);
  }

  /**
   * As above, with the Prometheus text from {@code metrics} (a role whose registry is replaced when
   * it restarts).
   */
  public static AdminServer start(
      String host,
      int port,
      Supplier<String> metrics,
      Supplier<Health> health,
      StatusCollector status,
      CandleSource candles)
      throws Exception {
    AdminServer admin = new AdminServer(host, port, metrics, health, status, candles);
    admin.server.start();
    return admin;
  }

  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = Request.getPathInContext(request);
      if (!"GET".equals(request.getMethod())) {
        return send(response, callback, 405, "text/plain", bytes("GET only\n"));
      }
      switch (path) {
        case "/metrics" -> {
          return send(response, callback, 200, "text/plain; version=0.0.4", bytes(metrics.get()));
        }
        case "/health" -> {
          Health h = health.get();
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("status", h.up() ? "UP" : "DOWN");
          body.put("checks", h.checks());
          return json(response, callback, h.up() ? 200 : 503, body);
        }
        default -> {}
      }
      if (status == null) {
        return send(response, callback, 404, "text/plain", bytes("not found\n"));
      }
      return switch (path) {
        case "/", "/status.html" -> send(response, callback, 200, "text/html; charset=utf-8", page);
        case "/api/status" -> json(response, callback, 200, status.latest());
        case "/api/markets" -> markets(response, callback);
        case "/api/candles" -> candles(request, response, callback);
        default -> send(response, callback, 404, "text/plain", bytes("not found\n"));
      };
    }

    private boolean markets(Response response, Callback callback) throws IOException {
      if (candles == null) {
        return json(response, callback, 200, Map.of("source", "none", "markets", List.of()));
      }
      try {
        return json(
            response,
            callback,
            200,
            Map.of("source", candles.name(), "markets", candles.markets(50)));
      } catch (Exception e) {
        return json(response, callback, 502, Map.of("error", e.toString()));
      }
    }

    private boolean candles(Request request, Response response, Callback callback)
        throws IOException {
      Fields q = Request.extractQueryParameters(request);
      String ticker = q.getValue("ticker");
      String minutesText = q.getValue("minutes");
      int minutes;
      try {
        minutes = minutesText == null ? 60 : Integer.parseInt(minutesText);
      } catch (NumberFormatException e) {
        minutes = -1;
      }
      if (ticker == null || ticker.isBlank() || minutes < 1 || minutes > 1440 || candles == null) {
        return json(
            response, callback, 400, Map.of("error", "ticker and minutes (1..1440) required"));
      }
      try {
        return json(
            response,
            callback,
            200,
            Map.of(
                "ticker", ticker,
                "source", candles.name(),
                "candles", candles.candles(ticker, minutes)));
      } catch (Exception e) {
        return json(response, callback, 502, Map.of("error", e.toString()));
      }
    }
  }

  private static boolean json(Response response, Callback callback, int code, Object body)
      throws IOException {
    return send(response, callback, code, "application/json", JSON.writeValueAsBytes(body));
  }

  private static boolean send(
      Response response, Callback callback, int code, String type, byte[] body) {
    response.setStatus(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
