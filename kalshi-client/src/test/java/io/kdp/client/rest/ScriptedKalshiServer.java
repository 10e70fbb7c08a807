package io.kdp.client.rest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real HTTP server on 127.0.0.1, port 0, that answers each path from a script: queued replies
 * first ({@link Reply#DROP} closes the connection without an answer), then a fallback function.
 * Records every request it receives.
 */
final class ScriptedKalshiServer implements AutoCloseable {

  /** One scripted answer. */
  record Reply(int status, Map<String, String> headers, String body) {
    static final Reply DROP = new Reply(-1, Map.of(), "");

    /** Never answers (until the server stops): the client's request timeout must fire. */
    static final Reply HANG = new Reply(-2, Map.of(), "");

    static Reply json(int status, String body) {
      return new Reply(status, Map.of(), body);
    }
  }

  /** What the server saw. */
  record Seen(String path, String query, Map<String, String> kalshiHeaders) {}

  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Function<Request, Reply>> fallbacks = new ConcurrentHashMap<>();
  final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final List<Callback> hanging = new CopyOnWriteArrayList<>();

  ScriptedKalshiServer() throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            return answer(request, response, callback);
          }
        });
    server.start();
  }

  int port() {
    return connector.getLocalPort();
  }

  /** Queues replies for {@code path} (full path, e.g. {@code /trade-api/v2/markets}). */
  ScriptedKalshiServer script(String path, Reply... replies) {
    scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(replies));
    return this;
  }

  /** Answers {@code path} with {@code reply} once the script for it is used up. */
  ScriptedKalshiServer fallback(String path, Function<Request, Reply> reply) {
    fallbacks.put(path, reply);
    return this;
  }

  private boolean answer(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    Map<String, String> kalshi = new ConcurrentHashMap<>();
    request
        .getHeaders()
        .forEach(
            f -> {
              if (f.getName().toUpperCase().startsWith("KALSHI-")) {
                kalshi.put(f.getName().toUpperCase(), f.getValue());
              }
            });
    seen.add(new Seen(path, request.getHttpURI().getQuery(), Map.copyOf(kalshi)));
    Deque<Reply> script = scripts.get(path);
    Reply reply;
    synchronized (this) {
      reply = script == null ? null : script.poll();
    }
    if (reply == null) {
      Function<Request, Reply> f = fallbacks.get(path);
      reply =
          f == null
              ? Reply.json(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"no route\"}}")
              : f.apply(request);
    }
    if (reply.status() == -2) {
      hanging.add(callback);
      return true;
    }
    if (reply.status() < 0) {
      request.getConnectionMetaData().getConnection().getEndPoint().close();
      callback.succeeded();
      return true;
    }
    response.setStatus(reply.status());
    response.getHeaders().put("Content-Type", "application/json");
    reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    Content.Sink.write(response, true, reply.body(), callback);
    return true;
  }

  @Override
  public void close() throws Exception {
    hanging.forEach(c -> c.failed(new java.io.IOException("test server closing")));
    server.stop();
  }
}
