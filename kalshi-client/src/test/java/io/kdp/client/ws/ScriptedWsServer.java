package io.kdp.client.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A real Jetty WebSocket server on port 0 whose every answer the test scripts: it checks the
 * upgrade signature with the public key, records each connection's upgrade headers and commands,
 * and by default acknowledges subscribes (one sid per channel, counting from 1 per connection). For
 * failure cases the simulator cannot be told to produce on demand (silence, error 25/26).
 */
final class ScriptedWsServer implements AutoCloseable {

  static final String PATH = "/trade-api/ws/v2";

  /** One accepted connection. */
  public static final class Conn implements Session.Listener.AutoDemanding {
    final String keyId, timestamp;
    final List<JsonNode> commands = new CopyOnWriteArrayList<>();
    final List<String> pongs = new CopyOnWriteArrayList<>();
    private final ScriptedWsServer server;
    volatile Session session;
    int nextSid = 1;

    Conn(ScriptedWsServer server, String keyId, String timestamp) {
      this.server = server;
      this.keyId = keyId;
      this.timestamp = timestamp;
    }

    @Override
    public void onWebSocketOpen(Session s) {
      session = s;
    }

    @Override
    public void onWebSocketText(String text) {
      try {
        JsonNode cmd = KalshiJson.mapper().readTree(text);
        commands.add(cmd);
        server.script.accept(this, cmd);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void onWebSocketPong(java.nio.ByteBuffer payload) {
      pongs.add(StandardCharsets.UTF_8.decode(payload).toString());
    }

    void ping(String payload) {
      session.sendPing(
          java.nio.ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)), Callback.NOOP);
    }

    void send(String text) {
      session.sendText(text, Callback.NOOP);
    }

    /** The default script: subscribed per channel, ok for updates, unsubscribed. */
    synchronized void acknowledge(JsonNode cmd) {
      int id = cmd.get("id").asInt();
      switch (cmd.get("cmd").asText()) {
        case "subscribe" ->
            cmd.at("/params/channels")
                .forEach(
                    ch ->
                        send(
                            "{\"id\":%d,\"type\":\"subscribed\",\"msg\":{\"channel\":\"%s\",\"sid\":%d}}"
                                .formatted(id, ch.asText(), nextSid++)));
        case "update_subscription" ->
            send(
                "{\"id\":%d,\"sid\":%d,\"seq\":1,\"type\":\"ok\",\"msg\":{\"market_tickers\":[]}}"
                    .formatted(id, cmd.at("/params/sids/0").asInt()));
        case "unsubscribe" ->
            send(
                "{\"id\":%d,\"sid\":%d,\"seq\":1,\"type\":\"unsubscribed\"}"
                    .formatted(id, cmd.at("/params/sids/0").asInt()));
        default -> {}
      }
    }
  }

  final List<Conn> connections = new CopyOnWriteArrayList<>();
  volatile BiConsumer<Conn, JsonNode> script = Conn::acknowledge;

  /** Statuses to refuse the next upgrades with, in order (then upgrades are verified as usual). */
  final java.util.Queue<Integer> refusals = new java.util.concurrent.ConcurrentLinkedQueue<>();

  final java.util.concurrent.atomic.AtomicInteger upgrades =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);

  ScriptedWsServer(PublicKey publicKey) throws Exception {
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        WebSocketUpgradeHandler.from(
            server,
            container ->
                container.addMapping(
                    PATH,
                    (req, resp, cb) -> {
                      upgrades.incrementAndGet();
                      Integer refuse = refusals.poll();
                      if (refuse != null) {
                        resp.setStatus(refuse);
                        if (refuse == 401) {
                          resp.getHeaders().put("WWW-Authenticate", "KALSHI-ACCESS-SIGNATURE");
                        }
                        cb.succeeded();
                        return null;
                      }
                      String key = req.getHeaders().get("KALSHI-ACCESS-KEY");
                      String ts = req.getHeaders().get("KALSHI-ACCESS-TIMESTAMP");
                      String sig = req.getHeaders().get("KALSHI-ACCESS-SIGNATURE");
                      if (key == null || !verify(publicKey, ts + "GET" + PATH, sig)) {
                        resp.setStatus(401);
                        cb.succeeded();
                        return null;
                      }
                      Conn c = new Conn(this, key, ts);
                      connections.add(c);
                      return c;
                    })));
    server.start();
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + PATH);
  }

  Conn connection(int i) {
    return connections.get(i);
  }

  private static boolean verify(PublicKey key, String message, String b64) {
    try {
      Signature v = Signature.getInstance("RSASSA-PSS");
      v.setParameter(io.kdp.client.auth.KalshiSigner.PSS);
      v.initVerify(key);
      v.update(message.getBytes(StandardCharsets.UTF_8));
      return b64 != null && v.verify(Base64.getDecoder().decode(b64));
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
