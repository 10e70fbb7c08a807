package io.kdp.platform.admin;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}) driven over the Chrome DevTools Protocol
 * through a Jetty WebSocket client: open a page, evaluate JavaScript in it, take a screenshot.
 * Launched with the flags this machine's closed network needs (no background networking).
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final HttpClient http = new HttpClient();
  private final WebSocketClient ws = new WebSocketClient();
  private final Cdp cdp = new Cdp();
  private final Session session;

  private HeadlessChromium(Path userDataDir, URI page) throws Exception {
    process =
        new ProcessBuilder(
                List.of(
                    BINARY.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1280,1400",
                    "--remote-debugging-port=0",
                    "--user-data-dir=" + userDataDir,
                    page.toString()))
            .redirectErrorStream(true)
            .redirectOutput(userDataDir.resolve("chromium.log").toFile())
            .start();
    Path portFile = userDataDir.resolve("DevToolsActivePort");
    await("chromium's DevTools port (log: " + userDataDir + "/chromium.log)")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2);
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
    http.start();
    ws.setMaxTextMessageSize(64L << 20);
    ws.start();
    String list = http.GET("http://127.0.0.1:" + port + "/json/list").getContentAsString();
    String pageWs = null;
    for (JsonNode target : JSON.readTree(list)) {
      if ("page".equals(target.path("type").asText())) {
        pageWs = target.path("webSocketDebuggerUrl").asText();
      }
    }
    if (pageWs == null) {
      throw new IOException("no page target in " + list);
    }
    session = ws.connect(cdp, URI.create(pageWs)).get(10, TimeUnit.SECONDS);
  }

  static HeadlessChromium open(Path userDataDir, URI page) throws Exception {
    return new HeadlessChromium(userDataDir, page);
  }

  /** Evaluates {@code expression} in the page and returns its value (awaiting a promise). */
  JsonNode eval(String expression) throws Exception {
    JsonNode r =
        call(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    return r.path("result").path("value");
  }

  /** A PNG of the page as rendered now, written to {@code file}. */
  void screenshot(Path file) throws Exception {
    JsonNode r = call("Page.captureScreenshot", Map.of("format", "png"));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(r.path("data").asText()));
  }

  private JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = cdp.ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    cdp.pending.put(id, reply);
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", JSON.valueToTree(params));
    session.sendText(JSON.writeValueAsString(msg), org.eclipse.jetty.websocket.api.Callback.NOOP);
    JsonNode r = reply.get(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
    if (r.has("error")) {
      throw new IOException(method + " failed: " + r.get("error"));
    }
    return r.path("result");
  }

  @Override
  public void close() throws Exception {
    if (session != null) {
      session.close();
    }
    ws.stop();
    http.stop();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** CDP replies matched to their requests by id; events are ignored. */
  public static final class Cdp implements Session.Listener.AutoDemanding {
    final AtomicInteger ids = new AtomicInteger();
    final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    @Override
    public void onWebSocketText(String message) {
      try {
        JsonNode n = JSON.readTree(message);
        if (n.has("id")) {
          CompletableFuture<JsonNode> f = pending.remove(n.get("id").asInt());
          if (f != null) {
            f.complete(n);
          }
        }
      } catch (IOException e) {
        pending.values().forEach(f -> f.completeExceptionally(e));
      }
    }
  }
}
