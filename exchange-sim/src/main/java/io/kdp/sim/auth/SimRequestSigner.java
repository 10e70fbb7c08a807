package io.kdp.sim.auth;

import io.kdp.client.auth.RequestSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.InstantSource;
import java.util.Base64;

/**
 * Signs requests the way Kalshi expects (RSA-PSS, SHA-256, MGF1-SHA-256, salt 32) with a key the
 * simulator generated; used by the simulator's own tests and benchmark clients.
 */
public final class SimRequestSigner implements RequestSigner {

  private final String keyId;
  private final PrivateKey key;
  private final InstantSource clock;

  public SimRequestSigner(String keyId, PrivateKey key, InstantSource clock) {
    this.keyId = keyId;
    this.key = key;
    this.clock = clock;
  }

  @Override
  public AuthHeaders sign(String method, String path) {
    String ts = Long.toString(clock.millis());
    try {
      Signature s = Signature.getInstance("RSASSA-PSS");
      s.setParameter(SignatureVerifier.PSS);
      s.initSign(key);
      s.update((ts + method + path).getBytes(StandardCharsets.UTF_8));
      return new AuthHeaders(keyId, ts, Base64.getEncoder().encodeToString(s.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing failed: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public String toString() {
    return "SimRequestSigner[keyId=" + keyId + "]";
  }
}
