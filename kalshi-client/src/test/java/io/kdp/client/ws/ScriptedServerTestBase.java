package io.kdp.client.ws;

import io.kdp.client.auth.KalshiSigner;
import io.kdp.client.auth.PemKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Shared set-up: the real client against a real, scripted Jetty WebSocket server on port 0. */
abstract class ScriptedServerTestBase {

  static final String M1 = "KXHIGHNY-26MAY01-T60", M2 = "KXHIGHNY-26MAY01-T61";

  final RecordingEvents events = new RecordingEvents();
  final RecordingEvents.ManualClock clock = new RecordingEvents.ManualClock();
  ScriptedWsServer server;
  KalshiWsClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedWsServer(publicKey());
    KalshiSigner signer =
        new KalshiSigner(
            "test-key-id", PemKeys.readRsaPrivateKey(key("test-only-pkcs8.pem")), clock);
    WsClientConfig config =
        WsClientConfig.defaults(server.uri(), signer)
            .withClock(clock)
            .withIdle(Duration.ofSeconds(30), Duration.ofMillis(20))
            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200), new Random(7))
            .withCommandTimeout(Duration.ofSeconds(5));
    client = KalshiWsClient.open(config, null, events, events);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  KalshiSigner signer() {
    try {
      return new KalshiSigner(
          "test-key-id", PemKeys.readRsaPrivateKey(key("test-only-pkcs8.pem")), clock);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String snapshot(int sid, long seq) {
    return "{\"type\":\"orderbook_snapshot\",\"sid\":%d,\"seq\":%d,\"msg\":{\"market_ticker\":\"%s\",\"yes_dollars_fp\":[[\"0.4200\",\"13.00\"]]}}"
        .formatted(sid, seq, M1);
  }

  static String delta(int sid, long seq, String size) {
    return "{\"type\":\"orderbook_delta\",\"sid\":%d,\"seq\":%d,\"msg\":{\"market_ticker\":\"%s\",\"price_dollars\":\"0.4200\",\"delta_fp\":\"%s\",\"side\":\"yes\",\"ts_ms\":1000}}"
        .formatted(sid, seq, M1, size);
  }

  static Path key(String name) throws Exception {
    return Path.of(KalshiWsClientTest.class.getResource("/keys/" + name).toURI());
  }

  static PublicKey publicKey() throws Exception {
    String pem = Files.readString(key("test-only-public.pem"));
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "");
    return KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(b64)));
  }
}
