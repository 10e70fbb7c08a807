package io.kdp.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.auth.RequestSigner;
import io.kdp.client.json.KalshiJson;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A Jetty WebSocket client that records every frame; commands are sent as JSON text. */
final class WsTestClient implements AutoCloseable {

  private final WebSocketClient client = new WebSocketClient();
  final Recorder recorder;
  private int nextId = 1;

  /** Records frames in arrival order; demands more only while {@link #reading} is set. */
  public static final class Recorder implements Session.Listener {
    final List<String> frames = new ArrayList<>();
    final List<String> pings = new ArrayList<>();
    final AtomicInteger closes = new AtomicInteger();
    volatile boolean reading = true;
    volatile Session session;

    @Override
    public void onWebSocketOpen(Session s) {
      session = s;
      s.demand();
    }

    @Override
    public void onWebSocketText(String text) {
      synchronized (frames) {
        frames.add(text);
      }
      if (reading) {
        session.demand();
      }
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
      synchronized (pings) {
        pings.add(StandardCharsets.UTF_8.decode(payload.slice()).toString());
      }
      session.sendPong(payload, org.eclipse.jetty.websocket.api.Callback.NOOP);
      session.demand();
    }

    @Override
    public void onWebSocketClose(int status, String reason) {
      closes.incrementAndGet();
    }

    void resume() {
      reading = true;
      session.demand();
    }
  }

  WsTestClient(URI uri, RequestSigner signer) throws Exception {
    client.start();
    recorder = new Recorder();
    ClientUpgradeRequest req = new ClientUpgradeRequest();
    if (signer != null) {
      RequestSigner.AuthHeaders h = signer.sign("GET", uri.getPath());
      req.setHeader(RequestSigner.KEY_HEADER, h.keyId());
      req.setHeader(RequestSigner.TIMESTAMP_HEADER, h.timestampMillis());
      req.setHeader(RequestSigner.SIGNATURE_HEADER, h.signature());
    }
    client.connect(recorder, uri, req).get(10, TimeUnit.SECONDS);
  }

  /** Sends {@code {"id":N,"cmd":cmd,"params":params}} and returns N. */
  int send(String cmd, String paramsJson) {
    int id = nextId++;
    String text =
        "{\"id\":"
            + id
            + ",\"cmd\":\""
            + cmd
            + "\""
            + (paramsJson == null ? "" : ",\"params\":" + paramsJson)
            + "}";
    recorder.session.sendText(text, org.eclipse.jetty.websocket.api.Callback.NOOP);
    return id;
  }

  void sendRaw(String text) {
    recorder.session.sendText(text, org.eclipse.jetty.websocket.api.Callback.NOOP);
  }

  List<String> frames() {
    synchronized (recorder.frames) {
      return new ArrayList<>(recorder.frames);
    }
  }

  List<JsonNode> json() {
    List<JsonNode> out = new ArrayList<>();
    for (String f : frames()) {
      try {
        out.add(KalshiJson.mapper().readTree(f));
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + f, e);
      }
    }
    return out;
  }

  /** Waits for a frame matching {@code p} and returns it. */
  JsonNode await(String what, Predicate<JsonNode> p) {
    JsonNode[] found = new JsonNode[1];
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .alias(what)
        .until(
            () -> {
              for (JsonNode n : json()) {
                if (p.test(n)) {
                  found[0] = n;
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }

  /** The reply to command {@code id} of the given type. */
  JsonNode reply(int id, String type) {
    return await(
        type + " for id " + id,
        n -> n.path("id").asInt() == id && n.path("type").asText().equals(type));
  }

  @Override
  public void close() throws Exception {
    client.stop();
  }
}
