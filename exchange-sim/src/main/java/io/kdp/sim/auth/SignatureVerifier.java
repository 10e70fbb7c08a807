package io.kdp.sim.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;

/**
 * Checks Kalshi's request signature: RSA-PSS/SHA-256 (MGF1-SHA-256, salt 32) over {@code
 * timestamp_ms + METHOD + path}, the timestamp within {@code maxSkew} of the verifier's clock.
 */
public final class SignatureVerifier {

  static final PSSParameterSpec PSS =
      new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

  private final Map<String, PublicKey> keys;
  private final java.util.Set<String> revoked = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final InstantSource clock;
  private final Duration maxSkew;

  public SignatureVerifier(Map<String, PublicKey> keys, InstantSource clock, Duration maxSkew) {
    this.keys = Map.copyOf(keys);
    this.clock = clock;
    this.maxSkew = maxSkew;
  }

  /**
   * Verifies one request's headers.
   *
   * @return null when the signature is good, else why it is not (safe to show the caller)
   */
  public String check(
      String keyId, String timestamp, String signature, String method, String path) {
    if (keyId == null || timestamp == null || signature == null) {
      return "missing KALSHI-ACCESS-KEY, -TIMESTAMP or -SIGNATURE header";
    }
    PublicKey key = keys.get(keyId);
    if (key == null) {
      return "unknown API key";
    }
    if (revoked.contains(keyId)) {
      return "API key revoked";
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return "timestamp is not Unix milliseconds";
    }
    if (Math.abs(clock.millis() - ts) > maxSkew.toMillis()) {
      return "timestamp outside the allowed window";
    }
    try {
      Signature s = Signature.getInstance("RSASSA-PSS");
      s.setParameter(PSS);
      s.initVerify(key);
      s.update((timestamp + method + path).getBytes(StandardCharsets.UTF_8));
      return s.verify(Base64.getDecoder().decode(signature)) ? null : "invalid signature";
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return "invalid signature";
    }
  }

  /** Refuses {@code keyId} from now on (fault {@code revoke-key}), until {@link #restoreAll()}. */
  public void revoke(String keyId) {
    revoked.add(keyId);
  }

  /** Accepts every known key again. */
  public void restoreAll() {
    revoked.clear();
  }
}
