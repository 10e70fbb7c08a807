package io.kdp.bench.e2e;

import static io.kdp.client.ws.WsConnectionState.BACKOFF;
import static io.kdp.client.ws.WsConnectionState.CONNECTING;
import static io.kdp.client.ws.WsConnectionState.LIVE;
import static io.kdp.client.ws.WsConnectionState.SUBSCRIBING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kdp.client.model.Side;
import io.kdp.client.ws.KalshiWsClient;
import io.kdp.client.ws.SequenceGap;
import io.kdp.client.ws.WsClientConfig;
import io.kdp.client.ws.WsSubscription;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.OrderbookSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real {@link KalshiWsClient} against the real exchange simulator on port 0 —
 * signed upgrade, snapshot then deltas that replay to the simulator's own books, reconnect and
 * resubscribe after the simulator drops the connection, gaps from its skip-seq fault, error 25 and
 * error 26.
 */
@Timeout(120)
class WsClientAgainstSimulatorTest {

  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  final Recorder events = new Recorder();
  SimWorld world;
  KalshiWsClient client;

  void start(int marketCap) throws Exception {
    world = new SimWorld(dir, marketCap);
    WsClientConfig config =
        WsClientConfig.defaults(world.sim.wsUri(), world.sim.signer())
            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(500), new Random(3));
    client = KalshiWsClient.open(config, null, events, events);
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (world != null) {
      world.close();
    }
  }

  /** Steps the exchange, then waits for the client to have seen everything sent so far. */
  void runAndDrain(Duration exchangeTime) throws Exception {
    world.run(exchangeTime);
    client.listSubscriptions().get(); // its reply follows every frame sent before it
  }

  void assertBooksMatchTheSimulator(List<String> tickers, long connection) {
    Books books = new Books();
    events.on(connection).forEach(books::apply);
    for (String t : tickers) {
      for (Side side : Side.values()) {
        assertThat(books.side(t, side)).as(t + " " + side).isEqualTo(world.book(t, side));
      }
    }
  }

  @Test
  void snapshotThenContiguousDeltasReplayToTheSimulatorsBooks() throws Exception {
    start(1000);
    List<String> tickers = world.openTickers(3);
    client.subscribe("orderbook_delta", tickers);
    client.start();
    await("live").atMost(WAIT).until(() -> client.state() == LIVE);
    runAndDrain(Duration.ofSeconds(5));

    List<ChannelMessage> got = events.on(1);
    Set<String> snapshotted = new TreeSet<>();
    long expectedSeq = got.getFirst().seq();
    for (ChannelMessage m : got) {
      assertThat(m.seq()).isEqualTo(expectedSeq++);
      switch (m) {
        case OrderbookSnapshot s -> snapshotted.add(s.marketTicker());
        case OrderbookDelta d -> assertThat(snapshotted).contains(d.marketTicker());
        default -> throw new AssertionError("unexpected " + m);
      }
    }
    assertThat(snapshotted).isEqualTo(new TreeSet<>(tickers));
    assertThat(got.stream().filter(m -> m instanceof OrderbookDelta).count()).isGreaterThan(20);
    assertBooksMatchTheSimulator(tickers, 1);
    assertThat(events.gaps).isEmpty();
    assertThat(events.raw).isEmpty();
    assertThat(events.journaled.get()).isGreaterThanOrEqualTo(got.size() + 2);
  }

  @Test
  void simulatorDropsTheConnectionAndTheClientResubscribes() throws Exception {
    start(1000);
    List<String> tickers = world.openTickers(3);
    client.subscribe("orderbook_delta", tickers);
    client.subscribe("trade", List.of());
    client.start();
    await("live").atMost(WAIT).until(() -> client.state() == LIVE);
    runAndDrain(Duration.ofSeconds(2));

    assertThat(world.sim.fanOut().disconnectAll()).isEqualTo(1);
    await("live on a second connection")
        .atMost(WAIT)
        .until(() -> client.stats().connects() == 2 && client.state() == LIVE);
    runAndDrain(Duration.ofSeconds(3));

    assertThat(events.states)
        .isEqualTo(List.of(CONNECTING, SUBSCRIBING, LIVE, BACKOFF, CONNECTING, SUBSCRIBING, LIVE));
    assertThat(
            events.on(2).stream()
                .filter(m -> m instanceof OrderbookSnapshot)
                .map(m -> ((OrderbookSnapshot) m).marketTicker())
                .sorted()
                .toList())
        .isEqualTo(tickers.stream().sorted().toList());
    assertBooksMatchTheSimulator(tickers, 2);
    assertThat(events.gaps).isEmpty();
  }

  @Test
  void skippedSeqIsReportedAsAGapAndDuplicatesAreDropped() throws Exception {
    start(1000);
    List<String> tickers = world.openTickers(3);
    client.subscribe("orderbook_delta", tickers);
    client.start();
    await("live").atMost(WAIT).until(() -> client.state() == LIVE);
    runAndDrain(Duration.ofSeconds(1));

    world.sim.fanOut().faults().skipSeq(1);
    runAndDrain(Duration.ofSeconds(2));
    assertThat(events.gaps).hasSize(1);
    SequenceGap gap = events.gaps.getFirst();
    assertThat(
            new SequenceGap(
                1,
                1,
                "orderbook_delta",
                gap.received() - 1,
                gap.received(),
                tickers,
                gap.detectedAtMicros()))
        .isEqualTo(gap);

    world.sim.fanOut().faults().duplicate(2);
    runAndDrain(Duration.ofSeconds(2));
    assertThat(client.stats().duplicates()).isEqualTo(2);
    List<Long> seqs = events.on(1).stream().map(ChannelMessage::seq).toList();
    assertThat(seqs).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void error25ResubscribesUnderANewSidWithFreshSnapshots() throws Exception {
    start(1000);
    List<String> tickers = world.openTickers(2);
    client.subscribe("orderbook_delta", tickers);
    client.start();
    await("live").atMost(WAIT).until(() -> client.state() == LIVE);
    runAndDrain(Duration.ofSeconds(1));

    assertThat(world.sim.fanOut().slowConsumerAll()).isEqualTo(1);
    await("resubscribed")
        .atMost(WAIT)
        .until(
            () ->
                events.on(1).stream()
                        .filter(m -> m instanceof OrderbookSnapshot && m.sid() == 2)
                        .count()
                    == 2);
    runAndDrain(Duration.ofSeconds(2));
    Books books = new Books();
    Map<Integer, List<ChannelMessage>> bySid = new HashMap<>();
    for (ChannelMessage m : events.on(1)) {
      bySid.computeIfAbsent(m.sid(), k -> new ArrayList<>()).add(m);
    }
    bySid.get(2).forEach(books::apply);
    for (String t : tickers) {
      for (Side side : Side.values()) {
        assertThat(books.side(t, side)).isEqualTo(world.book(t, side));
      }
    }
    assertThat(client.stats().connects()).isEqualTo(1);
  }

  @Test
  void error26AsksTheOwnerToShardFurther() throws Exception {
    start(2);
    List<String> tickers = world.openTickers(3);
    WsSubscription small = client.subscribe("orderbook_delta", tickers.subList(0, 2));
    WsSubscription big = client.subscribe("orderbook_delta", tickers);
    client.start();
    await("shard further").atMost(WAIT).until(() -> events.shards.size() == 1);
    assertThat(events.shards).isEqualTo(List.of(new Recorder.Shard(big, tickers, 26)));
    await("live with the small one").atMost(WAIT).until(() -> client.state() == LIVE);
    assertThat(client.markets(small)).isEqualTo(tickers.subList(0, 2));
    assertThat(client.markets(big)).isEmpty();
  }
}
