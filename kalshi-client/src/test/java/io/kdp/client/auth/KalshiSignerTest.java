package io.kdp.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.client.auth.RequestSigner.AuthHeaders;
import io.kdp.client.config.ApiCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class KalshiSignerTest {

  static final String KALSHI_EXAMPLE = "1703123456789GET/trade-api/v2/portfolio/balance";

  static Path key(String name) throws Exception {
    return TestKeys.key(name);
  }

  static boolean verify(PublicKey key, PSSParameterSpec pss, String message, String b64)
      throws Exception {
    return TestKeys.verify(pss, message, b64);
  }

  static PublicKey publicKey() throws Exception {
    return TestKeys.publicKey();
  }

  @Test
  void opensslKnownAnswerVerifiesWithTheSameParametersTheSignerUses() throws Exception {
    String openssl = Files.readString(key("openssl-pss-signature.b64")).trim();
    assertThat(verify(publicKey(), KalshiSigner.PSS, KALSHI_EXAMPLE, openssl)).isTrue();
    PSSParameterSpec salt20 =
        new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 20, 1);
    assertThat(verify(publicKey(), salt20, KALSHI_EXAMPLE, openssl)).isFalse();
    assertThat(verify(publicKey(), KalshiSigner.PSS, KALSHI_EXAMPLE + "x", openssl)).isFalse();
  }

  @Test
  void pkcs1AndPkcs8FilesHoldTheSameKeyAndBothSignVerifiably() throws Exception {
    PrivateKey pkcs1 = PemKeys.readRsaPrivateKey(key("test-only-pkcs1.pem"));
    PrivateKey pkcs8 = PemKeys.readRsaPrivateKey(key("test-only-pkcs8.pem"));
    assertThat(pkcs1.getEncoded()).isEqualTo(pkcs8.getEncoded());
    InstantSource clock = InstantSource.fixed(Instant.ofEpochMilli(1703123456789L));
    for (String file : new String[] {"test-only-pkcs1.pem", "test-only-pkcs8.pem"}) {
      KalshiSigner signer = KalshiSigner.load(new ApiCredentials("key-1", key(file)), clock);
      AuthHeaders h = signer.sign("GET", "/trade-api/v2/portfolio/balance");
      assertThat(h.keyId()).isEqualTo("key-1");
      assertThat(h.timestampMillis()).isEqualTo("1703123456789");
      assertThat(verify(publicKey(), KalshiSigner.PSS, KALSHI_EXAMPLE, h.signature()))
          .as(file)
          .isTrue();
    }
  }

  @Test
  void signsPathWithoutQueryAtTheInjectedClockTime() throws Exception {
    Instant[] now = {Instant.ofEpochMilli(1_764_000_000_123L)};
    KalshiSigner signer =
        KalshiSigner.load(new ApiCredentials("k", key("test-only-pkcs8.pem")), () -> now[0]);
    AuthHeaders first = signer.sign("get", "/trade-api/v2/markets?limit=5&cursor=abc");
    assertThat(first.timestampMillis()).isEqualTo("1764000000123");
    assertThat(
            verify(
                publicKey(),
                KalshiSigner.PSS,
                "1764000000123GET/trade-api/v2/markets",
                first.signature()))
        .isTrue();
    now[0] = now[0].plusMillis(5);
    assertThat(signer.sign("GET", "/trade-api/ws/v2").timestampMillis()).isEqualTo("1764000000128");
  }

  @Test
  void stringToSignCutsTheQueryAndUpperCasesTheMethod() {
    assertThat(
            KalshiSigner.stringToSign(
                1703123456789L, "get", "/trade-api/v2/markets/orderbooks?tickers=A&tickers=B"))
        .isEqualTo("1703123456789GET/trade-api/v2/markets/orderbooks");
    assertThat(KalshiSigner.stringToSign(1L, "DELETE", "/trade-api/v2/portfolio/orders/x"))
        .isEqualTo("1DELETE/trade-api/v2/portfolio/orders/x");
    assertThat(KalshiSigner.stringToSign(2L, "GET", "/trade-api/ws/v2"))
        .isEqualTo("2GET/trade-api/ws/v2");
  }

  @Test
  void rejectsEncryptedAndGarbageKeysWithoutEchoingThem() throws Exception {
    String pem = Files.readString(key("test-only-pkcs8.pem"));
    String bodyLine = pem.lines().skip(3).findFirst().orElseThrow();
    String broken =
        pem.replace(bodyLine, bodyLine.substring(0, 10) + "!!!" + bodyLine.substring(13));
    assertThatThrownBy(() -> PemKeys.parseRsaPrivateKey(broken, "my.pem"))
        .isInstanceOf(KalshiKeyException.class)
        .hasMessage("my.pem does not hold a valid RSA private key")
        .hasNoCause();
    assertThatThrownBy(
            () ->
                PemKeys.parseRsaPrivateKey(
                    "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----",
                    "enc.pem"))
        .hasMessageContaining("enc.pem holds an encrypted private key");
    assertThatThrownBy(() -> PemKeys.parseRsaPrivateKey("hello", "x.pem"))
        .hasMessageContaining("x.pem holds no 'BEGIN PRIVATE KEY' or 'BEGIN RSA PRIVATE KEY'");
  }

  @Test
  void toStringHoldsNoKeyMaterial() throws Exception {
    KalshiSigner signer =
        KalshiSigner.load(
            new ApiCredentials("key-id-7", key("test-only-pkcs1.pem")), InstantSource.system());
    String text = signer.toString();
    assertThat(text).isEqualTo("KalshiSigner[keyId=key-id-7, key=<redacted>]");
    String pem = Files.readString(key("test-only-pkcs1.pem"));
    pem.lines()
        .filter(l -> !l.startsWith("-----"))
        .forEach(l -> assertThat(text).doesNotContain(l.substring(0, 16)));
    assertThat(new ApiCredentials("key-id-7", key("test-only-pkcs1.pem")).toString())
        .doesNotContain("MII");
  }

  @Test
  void derLengthEncodesShortAndLongForms() {
    assertThat(PemKeys.derLength(5)).containsExactly(0x05);
    assertThat(PemKeys.derLength(200)).containsExactly(0x81, 200);
    assertThat(PemKeys.derLength(1190)).containsExactly(0x82, 0x04, 0xa6);
    assertThat(PemKeys.derLength(70000)).containsExactly(0x83, 0x01, 0x11, 0x70);
  }
}
