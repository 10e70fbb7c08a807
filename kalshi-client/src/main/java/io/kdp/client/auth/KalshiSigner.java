package io.kdp.client.auth;

import io.kdp.client.config.ApiCredentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * Kalshi's request signature: RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt over {@code
 * timestamp_ms + METHOD + path}, the path without its query string, base64 (standard, padded).
 * Thread-safe; a fresh timestamp from the injected clock on every call.
 *
 * <p>Example string to sign: {@code 1703123456789GET/trade-api/v2/portfolio/balance}.
 */
public final class KalshiSigner implements RequestSigner {

  /** The PSS parameters Kalshi verifies with (salt length = digest length). */
  public static final PSSParameterSpec PSS =
      new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

  private final String keyId;
  private final PrivateKey key;
  private final InstantSource clock;

  public KalshiSigner(String keyId, PrivateKey key, InstantSource clock) {
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.key = Objects.requireNonNull(key, "key");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (!"RSA".equals(key.getAlgorithm())) {
      throw new KalshiKeyException("Kalshi keys are RSA keys, not " + key.getAlgorithm());
    }
  }

  /** Loads the key file of {@code credentials} (PKCS#8 or PKCS#1 PEM). */
  public static KalshiSigner load(ApiCredentials credentials, InstantSource clock) {
    return new KalshiSigner(
        credentials.keyId(), PemKeys.readRsaPrivateKey(credentials.privateKeyFile()), clock);
  }

  @Override
  public AuthHeaders sign(String method, String path) {
    long millis = clock.millis();
    String message = stringToSign(millis, method, path);
    return new AuthHeaders(keyId, Long.toString(millis), signBase64(message));
  }

  /** The API key id sent in {@code KALSHI-ACCESS-KEY}. */
  public String keyId() {
    return keyId;
  }

  /**
   * {@code timestamp + METHOD + path}, with the query string (and any fragment) cut off the path:
   * {@code stringToSign(1703123456789L, "get", "/trade-api/v2/markets?limit=5")} is {@code
   * 1703123456789GET/trade-api/v2/markets}.
   */
  public static String stringToSign(long timestampMillis, String method, String path) {
    int cut = path.length();
    int query = path.indexOf('?');
    int fragment = path.indexOf('#');
    if (query >= 0) {
      cut = query;
    }
    if (fragment >= 0 && fragment < cut) {
      cut = fragment;
    }
    return timestampMillis + method.toUpperCase(Locale.ROOT) + path.substring(0, cut);
  }

  private String signBase64(String message) {
    try {
      Signature signature = Signature.getInstance("RSASSA-PSS");
      signature.setParameter(PSS);
      signature.initSign(key);
      signature.update(message.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new KalshiKeyException(
          "cannot sign with the key of API key id " + keyId + ": " + e.getClass().getSimpleName());
    }
  }

  @Override
  public String toString() {
    return "KalshiSigner[keyId=" + keyId + ", key=<redacted>]";
  }
}
