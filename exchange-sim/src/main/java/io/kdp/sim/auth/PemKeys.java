package io.kdp.sim.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads and writes RSA keys as PEM ({@code PUBLIC KEY} X.509, {@code PRIVATE KEY} PKCS#8). */
public final class PemKeys {

  private PemKeys() {}

  /** Reads an X.509 {@code BEGIN PUBLIC KEY} PEM file. */
  public static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
    byte[] der = der(Files.readString(file), "PUBLIC KEY");
    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
  }

  /** Reads a PKCS#8 {@code BEGIN PRIVATE KEY} PEM file. */
  public static PrivateKey readPrivate(Path file) throws IOException, GeneralSecurityException {
    byte[] der = der(Files.readString(file), "PRIVATE KEY");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  /** PEM text of a key's encoded form under the given label. */
  public static String pem(String label, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  private static byte[] der(String pem, String label) throws GeneralSecurityException {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new GeneralSecurityException("not a PEM " + label);
    }
    return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
  }
}
