package io.kdp.archive.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * s3proxy answers every {@code ?lifecycle} request with 501 NotImplemented, whatever its backend.
 * This front server adds what it lacks and nothing else: it keeps each bucket's lifecycle
 * configuration document as S3 does (PUT stores the XML, GET returns it or 404
 * NoSuchLifecycleConfiguration) and forwards every other request to s3proxy unchanged. The SDK
 * still marshals and parses the real XML over real HTTP.
 */
final class LifecycleFrontServer implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP =
      Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI backend;
  private final Map<String, byte[]> lifecycles = new ConcurrentHashMap<>();

  LifecycleFrontServer(URI backend) throws IOException {
    this.backend = backend;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String query = exchange.getRequestURI().getRawQuery();
      if (query != null && List.of(query.split("&")).contains("lifecycle")
          || "lifecycle=".equals(query)) {
        lifecycle(exchange);
      } else {
        forward(exchange);
      }
    }
  }

  private void lifecycle(HttpExchange exchange) throws IOException {
    String bucket = exchange.getRequestURI().getPath();
    switch (exchange.getRequestMethod()) {
      case "PUT" -> {
        lifecycles.put(bucket, exchange.getRequestBody().readAllBytes());
        exchange.sendResponseHeaders(200, -1);
      }
      case "GET" -> {
        byte[] body = lifecycles.get(bucket);
        if (body == null) {
          body =
              ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>"
                      + "<Code>NoSuchLifecycleConfiguration</Code>"
                      + "<Message>The lifecycle configuration does not exist</Message></Error>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/xml");
          exchange.sendResponseHeaders(404, body.length);
        } else {
          exchange.getResponseHeaders().add("Content-Type", "application/xml");
          exchange.sendResponseHeaders(200, body.length);
        }
        exchange.getResponseBody().write(body);
      }
      default -> exchange.sendResponseHeaders(405, -1);
    }
  }

  private void forward(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(backend.resolve(exchange.getRequestURI().toString()))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
              }
            });
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
              }
            });
    byte[] out = response.body();
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.statusCode(), head || out.length == 0 ? -1 : out.length);
    if (!head && out.length > 0) {
      exchange.getResponseBody().write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
