package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each WebSocket fault mode, armed through {@code POST /sim/admin/faults}. */
@Timeout(60)
class WsFaultsTest {

  @TempDir Path dir;

  private SimFixture fixture(int queueFrames, Duration ping) throws Exception {
    return fixture(queueFrames, ping, 600);
  }

  private SimFixture fixture(int queueFrames, Duration ping, double rate) throws Exception {
    SimConfig config =
        SimConfig.defaults(dir)
            .withWorld(SimFixture.fastWorld(6, rate, 8))
            .withWebSocket(100, queueFrames, ping);
    SimFixture f = new SimFixture(config);
    f.run(Duration.ofSeconds(3), Duration.ofMillis(50));
    return f;
  }

  /** Subscribes to trades of every market and returns the sid. */
  private static int trades(WsTestClient ws) {
    int id = ws.send("subscribe", "{\"channels\":[\"trade\"]}");
    return ws.reply(id, "subscribed").path("msg").path("sid").asInt();
  }

  private static List<Long> seqs(WsTestClient ws, int sid) {
    List<Long> out = new ArrayList<>();
    for (JsonNode n : ws.json()) {
      if (n.path("type").asText().equals("trade") && n.path("sid").asInt() == sid) {
        out.add(n.path("seq").asLong());
      }
    }
    return out;
  }

  @Test
  void skipSeqLeavesExactlyOneGap() throws Exception {
    try (SimFixture f = fixture(10_000, Duration.ofSeconds(10));
        WsTestClient ws = new WsTestClient(f.sim.wsUri(), f.sim.signer())) {
      int sid = trades(ws);
      f.run(Duration.ofSeconds(1), Duration.ofMillis(50));
      assertThat(Admin.faults(f.sim, "skip-seq=1").status()).isEqualTo(200);
      f.run(Duration.ofSeconds(1), Duration.ofMillis(50));
      WsProtocolTest.barrier(ws);
      List<Long> seq = seqs(ws, sid);
      int gaps = 0;
      for (int i = 1; i < seq.size(); i++) {
        long step = seq.get(i) - seq.get(i - 1);
        assertThat(step).isIn(1L, 2L);
        gaps += step == 2 ? 1 : 0;
      }
      assertThat(gaps).isEqualTo(1);
    }
  }

  @Test
  void duplicateSendsOneFrameTwice() throws Exception {
    try (SimFixture f = fixture(10_000, Duration.ofSeconds(10));
        WsTestClient ws = new WsTestClient(f.sim.wsUri(), f.sim.signer())) {
      int sid = trades(ws);
      Admin.faults(f.sim, "duplicate=1");
      f.run(Duration.ofSeconds(1), Duration.ofMillis(50));
      WsProtocolTest.barrier(ws);
      List<Long> seq = seqs(ws, sid);
      assertThat(seq.get(0)).isEqualTo(1L);
      assertThat(seq.get(1)).isEqualTo(1L);
      assertThat(seq.subList(1, seq.size())).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void delayedFrameArrivesAfterLaterOnes() throws Exception {
    try (SimFixture f = fixture(10_000, Duration.ofSeconds(10));
        WsTestClient ws = new WsTestClient(f.sim.wsUri(), f.sim.signer())) {
      int sid = trades(ws);
      Admin.faults(f.sim, "delay=1/300ms");
      f.run(Duration.ofSeconds(1), Duration.ofMillis(50));
      await()
          .atMost(Duration.ofSeconds(5))
          .alias("the late frame")
          .until(() -> seqs(ws, sid).contains(1L));
      List<Long> seq = seqs(ws, sid);
      assertThat(seq.get(0)).isGreaterThan(1L);
      assertThat(seq.get(seq.size() - 1)).isEqualTo(1L);
    }
  }

  @Test
  void disconnectDropsTheConnection() throws Exception {
    try (SimFixture f = fixture(10_000, Duration.ofSeconds(10));
        WsTestClient ws = new WsTestClient(f.sim.wsUri(), f.sim.signer())) {
      trades(ws);
      assertThat(Admin.faults(f.sim, "disconnect").body()).contains("disconnected 1 connections");
      await()
          .atMost(Duration.ofSeconds(5))
          .alias("client sees the close")
          .until(() -> ws.recorder.closes.get() == 1);
      await().atMost(Duration.ofSeconds(5)).until(() -> f.sim.fanOut().connections() == 0);
    }
  }

  @Test
  void stopPingsThenResume() throws Exception {
    try (SimFixture f = fixture(10_000, Duration.ofMillis(100));
        WsTestClient ws = new WsTestClient(f.sim.wsUri(), f.sim.signer())) {
      await().atMost(Duration.ofSeconds(5)).until(() -> pings(ws) >= 2);
      Admin.faults(f.sim, "stop-pings");
      int[] seen = {pings(ws)};
      await()
          .pollDelay(Duration.ofMillis(150))
          .atMost(Duration.ofSeconds(3))
          .until(
              () -> {
                int now = pings(ws);
                boolean stable = now == seen[0];
                seen[0] = now;
                return stable;
              });
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(2))
          .until(() -> pings(ws) == seen[0]);
      Admin.faults(f.sim, "stop-pings=false");
      await().atMost(Duration.ofSeconds(5)).until(() -> pings(ws) > seen[0]);
    }
  }

  @Test
  void slowConsumerFaultEndsSubscriptionsWithError25() throws Exception {
    try (SimFixture f = fixture(10_000, Duration.ofSeconds(10));
        WsTestClient ws = new WsTestClient(f.sim.wsUri(), f.sim.signer())) {
      int sid = trades(ws);
      assertThat(Admin.faults(f.sim, "slow-consumer").body()).contains("ended 1 subscriptions");
      JsonNode e = ws.await("error 25", n -> n.path("msg").path("code").asInt() == 25);
      assertThat(e.path("sid").asInt()).isEqualTo(sid);
      int list = ws.send("list_subscriptions", null);
      assertThat(ws.reply(list, "ok").path("msg")).isEmpty();
    }
  }

  @Test
  void aClientThatStopsReadingLosesItsSubscriptionNotTheServerItsMemory() throws Exception {
    try (SimFixture f = fixture(200, Duration.ofSeconds(10), 50_000);
        WsTestClient ws = new WsTestClient(f.sim.wsUri(), f.sim.signer())) {
      List<String> t = WsProtocolTest.openTickers(f, 6);
      int id =
          ws.send(
              "subscribe",
              "{\"channels\":[\"orderbook_delta\"],\"market_tickers\":"
                  + WsProtocolTest.json(t)
                  + "}");
      ws.reply(id, "subscribed");
      ws.recorder.reading = false;
      await()
          .atMost(Duration.ofSeconds(30))
          .alias("server drops the subscription")
          .until(
              () -> {
                f.run(Duration.ofSeconds(1), Duration.ofMillis(20));
                return Admin.status(f.sim).contains("\"connections\":1") && noSubscriptions(f);
              });
      ws.recorder.resume();
      JsonNode e = ws.await("error 25", n -> n.path("msg").path("code").asInt() == 25);
      assertThat(e.path("sid").asInt()).isEqualTo(1);
    }
  }

  private static boolean noSubscriptions(SimFixture f) {
    return f.sim.fanOut().subscriptions() == 0;
  }

  private static int pings(WsTestClient ws) {
    synchronized (ws.recorder.pings) {
      return ws.recorder.pings.size();
    }
  }
}
