package io.kdp.bench;

import io.kdp.client.auth.RequestSigner;
import io.kdp.sim.ExchangeSimulator;
import io.kdp.sim.SimConfig;
import io.kdp.sim.world.MarketState;
import io.kdp.sim.world.WorldParams;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.client.CoreClientUpgradeRequest;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;

/**
 * {@code ./kdp bench sim [--clients N] [--markets M] [--rate R] [--seconds S] [--warmup W]
 * [--client-mode core|api]}: runs the exchange simulator in this JVM, connects N Jetty WebSocket
 * clients subscribed to every channel of every market, and prints what the simulator delivered to
 * them and the CPU it cost. Clients and server share the machine's cores, so the number is a floor
 * for the server alone.
 */
public final class SimBench {

  /** Counts every text frame; replies to pings automatically (Jetty does). */
  public static final class Counter implements Session.Listener.AutoDemanding {
    private final LongAdder frames;
    private final LongAdder chars;
    private final LongAdder overflows;
    volatile Session session;

    Counter(LongAdder frames, LongAdder chars, LongAdder overflows) {
      this.frames = frames;
      this.chars = chars;
      this.overflows = overflows;
    }

    @Override
    public void onWebSocketOpen(Session s) {
      session = s;
    }

    @Override
    public void onWebSocketText(String text) {
      frames.increment();
      chars.add(text.length());
      if (text.startsWith("{\"id\"") && text.contains("\"code\":25")) {
        overflows.increment();
      }
    }
  }

  /**
   * Counts text frames at Jetty's core level, without decoding UTF-8 into Strings, so the number
   * measures the simulator rather than the client's text decoding ({@code --client-mode core}).
   */
  public static final class RawCounter implements FrameHandler {
    private final LongAdder frames;
    private final LongAdder chars;
    private final LongAdder overflows;
    volatile CoreSession session;

    RawCounter(LongAdder frames, LongAdder chars, LongAdder overflows) {
      this.frames = frames;
      this.chars = chars;
      this.overflows = overflows;
    }

    @Override
    public void onOpen(CoreSession s, org.eclipse.jetty.util.Callback callback) {
      session = s;
      callback.succeeded();
      s.demand();
    }

    @Override
    public void onFrame(Frame frame, org.eclipse.jetty.util.Callback callback) {
      if (frame.getOpCode() == OpCode.TEXT) {
        frames.increment();
        chars.add(frame.getPayloadLength());
        if (frame.getPayloadLength() < 200 && frame.getPayloadAsUTF8().contains("\"code\":25")) {
          overflows.increment();
        }
      }
      callback.succeeded();
      session.demand();
    }

    @Override
    public void onError(Throwable cause, org.eclipse.jetty.util.Callback callback) {
      callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus status, org.eclipse.jetty.util.Callback callback) {
      callback.succeeded();
    }

    void send(String text) {
      session.sendFrame(new Frame(OpCode.TEXT, text), org.eclipse.jetty.util.Callback.NOOP, false);
    }
  }

  private SimBench() {}

  public static void main(String[] args) throws Exception {
    int clients = intArg(args, "--clients", 10);
    int markets = intArg(args, "--markets", 200);
    double rate = intArg(args, "--rate", 25_000);
    int seconds = intArg(args, "--seconds", 10);
    int warmup = intArg(args, "--warmup", 3);
    boolean core = !"api".equals(stringArg(args, "--client-mode", "core"));
    Path data = Files.createTempDirectory("kdp-bench-sim");
    SimConfig config =
        SimConfig.defaults(data)
            .withWorld(WorldParams.defaults(markets, rate, 1))
            .withWebSocket(Math.max(1000, markets * 2), 50_000, Duration.ofSeconds(10));
    LongAdder frames = new LongAdder();
    LongAdder chars = new LongAdder();
    LongAdder overflows = new LongAdder();
    try (ExchangeSimulator sim = ExchangeSimulator.start(config)) {
      QueuedThreadPool pool = new QueuedThreadPool(8, 2);
      pool.setName("bench-client");
      HttpClient http = new HttpClient();
      http.setExecutor(pool);
      WebSocketClient client = new WebSocketClient(http);
      WebSocketCoreClient coreClient = new WebSocketCoreClient(http, null);
      client.start();
      coreClient.start();
      List<String> tickers =
          sim.world()
              .read(() -> sim.world().markets().stream().map((MarketState m) -> m.ticker).toList());
      RequestSigner signer = sim.signer();
      String books =
          "{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],\"market_tickers\":"
              + json(tickers)
              + "}}";
      String rest =
          "{\"id\":2,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"trade\",\"ticker\",\"market_lifecycle_v2\"]}}";
      for (int i = 0; i < clients; i++) {
        RequestSigner.AuthHeaders h = signer.sign("GET", sim.wsUri().getPath());
        if (core) {
          RawCounter c = new RawCounter(frames, chars, overflows);
          CoreClientUpgradeRequest req = CoreClientUpgradeRequest.from(coreClient, sim.wsUri(), c);
          req.headers(
              f ->
                  f.put(RequestSigner.KEY_HEADER, h.keyId())
                      .put(RequestSigner.TIMESTAMP_HEADER, h.timestampMillis())
                      .put(RequestSigner.SIGNATURE_HEADER, h.signature()));
          coreClient.connect(req).get(10, TimeUnit.SECONDS);
          c.send(books);
          c.send(rest);
        } else {
          Counter c = new Counter(frames, chars, overflows);
          ClientUpgradeRequest req = new ClientUpgradeRequest();
          req.setHeader(RequestSigner.KEY_HEADER, h.keyId());
          req.setHeader(RequestSigner.TIMESTAMP_HEADER, h.timestampMillis());
          req.setHeader(RequestSigner.SIGNATURE_HEADER, h.signature());
          client.connect(c, sim.wsUri(), req).get(10, TimeUnit.SECONDS);
          c.session.sendText(books, Callback.NOOP);
          c.session.sendText(rest, Callback.NOOP);
        }
      }
      Thread.sleep(warmup * 1000L);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long[] cpu0 = cpuByRole(threads);
      long process0 = processCpuNanos();
      long emitted0 = sim.world().read(() -> sim.world().emittedCount());
      long frames0 = frames.sum();
      long chars0 = chars.sum();
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      long wall = System.nanoTime() - t0;
      long delivered = frames.sum() - frames0;
      long bytes = chars.sum() - chars0;
      long emitted = sim.world().read(() -> sim.world().emittedCount()) - emitted0;
      long process = processCpuNanos() - process0;
      long[] cpu1 = cpuByRole(threads);
      client.stop();
      coreClient.stop();
      double w = wall / 1e9;
      System.out.println(
          String.format(
              Locale.ROOT,
              "{\"benchmark\":\"sim\",\"client_mode\":\"%s\",\"clients\":%d,\"markets\":%d,\"world_rate_target\":%.0f,"
                  + "\"seconds\":%.2f,\"world_messages_per_s\":%.0f,\"delivered_messages_per_s\":%.0f,"
                  + "\"delivered_mb_per_s\":%.1f,\"cpu_seconds_process\":%.2f,\"cpu_seconds_server_threads\":%.2f,"
                  + "\"cpu_seconds_client_threads\":%.2f,\"cores_used\":%.2f,\"error_25_frames\":%d,"
                  + "\"available_processors\":%d}",
              core ? "core" : "api",
              clients,
              markets,
              rate,
              w,
              emitted / w,
              delivered / w,
              bytes / w / 1e6,
              process / 1e9,
              (cpu1[0] - cpu0[0]) / 1e9,
              (cpu1[1] - cpu0[1]) / 1e9,
              process / (double) wall,
              overflows.sum(),
              Runtime.getRuntime().availableProcessors()));
    }
  }

  /**
   * CPU nanoseconds of simulator threads ({@code sim-*}) and client threads ({@code
   * bench-client*}).
   */
  private static long[] cpuByRole(ThreadMXBean threads) {
    long server = 0;
    long client = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long t = threads.getThreadCpuTime(info.getThreadId());
      if (t < 0) {
        continue;
      }
      if (info.getThreadName().startsWith("sim-")) {
        server += t;
      } else if (info.getThreadName().startsWith("bench-client")) {
        client += t;
      }
    }
    return new long[] {server, client};
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }

  private static int intArg(String[] args, String name, int dflt) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return dflt;
  }

  private static String stringArg(String[] args, String name, String dflt) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }

  private static String json(List<String> tickers) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < tickers.size(); i++) {
      sb.append(i == 0 ? "\"" : ",\"").append(tickers.get(i)).append('"');
    }
    return sb.append(']').toString();
  }
}
