package io.kdp.sim;

import static io.kdp.client.ws.WsConnectionState.BACKOFF;
import static io.kdp.client.ws.WsConnectionState.CONNECTING;
import static io.kdp.client.ws.WsConnectionState.FAILED;
import static io.kdp.client.ws.WsConnectionState.LIVE;
import static io.kdp.client.ws.WsConnectionState.SUBSCRIBING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kdp.client.auth.RequestSigner;
import io.kdp.client.rest.KalshiAuthException;
import io.kdp.client.ws.KalshiWsClient;
import io.kdp.client.ws.WsClientConfig;
import io.kdp.client.ws.WsConnectionState;
import io.kdp.client.ws.WsEvents;
import io.kdp.client.ws.WsFrameSink;
import io.kdp.client.ws.WsSubscription;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.client.ws.message.TradeMessage;
import io.kdp.sim.auth.SimRequestSigner;
import io.kdp.sim.world.WorldParams;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@link KalshiWsClient} against the real simulator on port 0: a key the exchange refuses
 * stops the client at once with a typed error naming the key id; a refused TCP connection is
 * transient and backed off; error 6 "already subscribed" leaves the subscription in place.
 */
@Timeout(60)
class KalshiWsClientAgainstSimulatorTest {

  @TempDir Path dir;
  ExchangeSimulator sim;
  final Recorder events = new Recorder();
  KalshiWsClient client;

  @BeforeEach
  void start() throws Exception {
    sim =
        ExchangeSimulator.start(SimConfig.defaults(dir).withWorld(WorldParams.defaults(6, 300, 5)));
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    sim.close();
  }

  private KalshiWsClient client(URI uri, RequestSigner signer) throws Exception {
    WsClientConfig config =
        WsClientConfig.defaults(uri, signer)
            .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40), new Random(3));
    client = KalshiWsClient.open(config, null, events, WsFrameSink.NONE);
    return client;
  }

  @Test
  void getSnapshotIsAnsweredByTheSnapshotsCarryingItsId() throws Exception {
    List<String> markets = sim.world().markets().stream().map(m -> m.ticker).limit(2).toList();
    client(sim.wsUri(), sim.signer());
    WsSubscription book = client.subscribe("orderbook_delta", markets);
    client.start();
    await("live").atMost(Duration.ofSeconds(10)).until(() -> client.state() == LIVE);
    int before = events.snapshots.size();
    // the simulator, as Kalshi, sends no "ok" for get_snapshot: the snapshots are the answer
    CommandReply reply =
        client.getSnapshot(book, markets).get(5, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(reply).isInstanceOf(CommandReply.Ok.class);
    await("both snapshots")
        .atMost(Duration.ofSeconds(5))
        .until(() -> events.snapshots.size() >= before + 2);
    assertThat(
            events.snapshots.subList(before, before + 2).stream()
                .map(s -> s.commandId() + " " + s.marketTicker())
                .toList())
        .containsExactlyInAnyOrderElementsOf(
            markets.stream().map(m -> reply.id() + " " + m).toList());
  }

  @Test
  void aKeyTheExchangeRefusesFailsAtOnceWithATypedErrorNamingTheKeyId() throws Exception {
    var otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
    client(sim.wsUri(), new SimRequestSigner(sim.keyId(), otherKey, InstantSource.system()));
    client.subscribe("trade", List.of());
    client.start();
    await("failed").atMost(Duration.ofSeconds(10)).until(() -> client.state() == FAILED);
    await("never retried")
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> client.stats().connects() == 1);
    assertThat(events.states).isEqualTo(List.of(CONNECTING, FAILED));
    KalshiAuthException failure = client.failure();
    assertThat(events.failures).isEqualTo(List.of(failure));
    assertThat(failure.status()).isEqualTo(401);
    assertThat(failure.getMessage())
        .startsWith(
            "WebSocket upgrade refused for API key id "
                + sim.keyId()
                + ": GET /trade-api/ws/v2 -> HTTP 401. Check the API key id");
  }

  @Test
  void aKeyRevokedWhileConnectedFailsOnTheNextUpgrade() throws Exception {
    client(sim.wsUri(), sim.signer());
    client.subscribe("trade", List.of());
    client.start();
    await("live").atMost(Duration.ofSeconds(10)).until(() -> client.state() == LIVE);
    sim.faults()
        .apply(io.kdp.sim.fault.FaultSpec.parse("revoke-key=" + sim.keyId() + ",disconnect"));
    await("failed").atMost(Duration.ofSeconds(10)).until(() -> client.state() == FAILED);
    assertThat(events.states)
        .isEqualTo(List.of(CONNECTING, SUBSCRIBING, LIVE, BACKOFF, CONNECTING, FAILED));
    assertThat(client.failure().status()).isEqualTo(401);
    assertThat(client.stats().connects()).isEqualTo(2);
  }

  @Test
  void aRefusedConnectionIsTransientAndBackedOff() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    client(URI.create("ws://127.0.0.1:" + closedPort + "/trade-api/ws/v2"), sim.signer());
    client.start();
    await("three attempts")
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.stats().connects() >= 3);
    assertThat(List.copyOf(events.states).subList(0, 4))
        .isEqualTo(List.of(CONNECTING, BACKOFF, CONNECTING, BACKOFF));
    assertThat(client.failure()).isNull();
    assertThat(events.failures).isEmpty();
  }

  @Test
  void alreadySubscribedIsTheSubscriptionThatExistsNotARejection() throws Exception {
    client(sim.wsUri(), sim.signer());
    WsSubscription first = client.subscribe("trade", List.of());
    WsSubscription second = client.subscribe("trade", List.of());
    client.start();
    await("live").atMost(Duration.ofSeconds(10)).until(() -> client.state() == LIVE);
    await("trades").atMost(Duration.ofSeconds(20)).until(() -> events.trades.size() >= 20);
    assertThat(events.states).isEqualTo(List.of(CONNECTING, SUBSCRIBING, LIVE));
    assertThat(events.rejected).isEmpty();
    assertThat(events.errors).isEqualTo(List.of(6));
    var list = (CommandReply.SubscriptionList) client.listSubscriptions().get();
    assertThat(list.subscriptions()).isEqualTo(List.of(new CommandReply.Subscription("trade", 1)));
    assertThat(client.markets(first)).isEmpty();
    assertThat(client.markets(second)).isEmpty();
    List<String> ids = events.trades.stream().map(TradeMessage::tradeId).toList();
    assertThat(ids).doesNotHaveDuplicates();
  }

  /** Turns the callbacks into lists. */
  static final class Recorder implements WsEvents {
    final List<WsConnectionState> states = new CopyOnWriteArrayList<>();
    final List<KalshiAuthException> failures = new CopyOnWriteArrayList<>();
    final List<TradeMessage> trades = new CopyOnWriteArrayList<>();
    final List<io.kdp.client.ws.message.OrderbookSnapshot> snapshots = new CopyOnWriteArrayList<>();
    final List<Integer> errors = new CopyOnWriteArrayList<>();
    final List<WsSubscription> rejected = new CopyOnWriteArrayList<>();

    @Override
    public void onStateChange(WsConnectionState from, WsConnectionState to, String reason) {
      states.add(to);
    }

    @Override
    public void onFailed(KalshiAuthException error) {
      failures.add(error);
    }

    @Override
    public void onMessage(ChannelMessage message, long receivedAtMicros, long connection) {
      if (message instanceof TradeMessage t) {
        trades.add(t);
      } else if (message instanceof io.kdp.client.ws.message.OrderbookSnapshot snap) {
        snapshots.add(snap);
      }
    }

    @Override
    public void onReply(CommandReply reply) {
      if (reply instanceof CommandReply.Error e) {
        errors.add(e.code());
      }
    }

    @Override
    public void onSubscriptionRejected(WsSubscription subscription, CommandReply.Error error) {
      rejected.add(subscription);
    }
  }
}
