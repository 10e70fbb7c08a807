package io.kdp.client.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.config.KalshiClientConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pointing the WebSocket client at Kalshi's demo host is configuration only. */
class WsClientConfigTest {

  @Test
  void demoWithAKeyIsTheDemoWebSocketSignedWithThatKey() throws Exception {
    Path pem = Path.of(getClass().getResource("/keys/test-only-pkcs8.pem").toURI());
    WsClientConfig ws =
        WsClientConfig.from(
            KalshiClientConfig.fromMap(
                Map.of(
                    "kalshi.environment", "demo",
                    "kalshi.api-key-id", "my-demo-key",
                    "kalshi.private-key-file", pem.toString()),
                "kalshi."));
    assertThat(ws.uri())
        .isEqualTo(URI.create("wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2"));
    assertThat(ws.signer().sign("GET", ws.uri().getPath()).keyId()).isEqualTo("my-demo-key");
    assertThat(ws.toString()).doesNotContain("BEGIN").contains("signed=true");
  }

  @Test
  void withoutAKeyTheUpgradeIsUnsigned() {
    WsClientConfig ws =
        WsClientConfig.from(
            KalshiClientConfig.fromMap(Map.of("kalshi.environment", "production"), "kalshi."));
    assertThat(ws.uri()).isEqualTo(URI.create("wss://external-api-ws.kalshi.com/trade-api/ws/v2"));
    assertThat(ws.signer()).isNull();
  }
}
