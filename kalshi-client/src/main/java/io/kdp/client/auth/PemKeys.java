package io.kdp.client.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an RSA private key from a PEM file: PKCS#8 ({@code BEGIN PRIVATE KEY}) as is, PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}, what Kalshi's key download and {@code openssl genrsa
 * -traditional} produce) wrapped into PKCS#8 here. Warns when group or others may read the file.
 * Errors name the file, never its content; buffers holding key bytes are zeroed after use.
 */
public final class PemKeys {

  private static final Logger LOG = LoggerFactory.getLogger(PemKeys.class);

  private static final String PKCS8 = "PRIVATE KEY";
  private static final String PKCS1 = "RSA PRIVATE KEY";

  /** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private static final Set<PosixFilePermission> NOT_OWNER =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE);

  private PemKeys() {}

  /** Loads the RSA private key in {@code file}. */
  public static PrivateKey readRsaPrivateKey(Path file) {
    warnIfShared(file);
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new KalshiKeyException(
          "cannot read private key file " + file + ": " + e.getClass().getSimpleName(), e);
    }
    return parseRsaPrivateKey(pem, file.toString());
  }

  /**
   * Parses PEM text; {@code source} names it in errors.
   *
   * @throws KalshiKeyException if the text holds no unencrypted RSA private key
   */
  public static PrivateKey parseRsaPrivateKey(String pem, String source) {
    if (pem.contains("ENCRYPTED")) {
      throw new KalshiKeyException(
          source
              + " holds an encrypted private key; decrypt it first"
              + " (openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem)");
    }
    byte[] der = null;
    byte[] pkcs8 = null;
    try {
      if (pem.contains("-----BEGIN " + PKCS1 + "-----")) {
        der = body(pem, PKCS1, source);
        pkcs8 = wrapPkcs1(der);
      } else if (pem.contains("-----BEGIN " + PKCS8 + "-----")) {
        pkcs8 = body(pem, PKCS8, source);
      } else {
        throw new KalshiKeyException(
            source + " holds no 'BEGIN PRIVATE KEY' or 'BEGIN RSA PRIVATE KEY' block");
      }
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new KalshiKeyException(source + " does not hold a valid RSA private key");
    } finally {
      zero(der);
      zero(pkcs8);
    }
  }

  private static byte[] body(String pem, String label, String source) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin) + begin.length();
    int to = pem.indexOf(end, from);
    if (to < 0) {
      throw new KalshiKeyException(source + ": '" + begin + "' without '" + end + "'");
    }
    return Base64.getMimeDecoder().decode(pem.substring(from, to));
  }

  /** PrivateKeyInfo ::= SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING pkcs1 }. */
  static byte[] wrapPkcs1(byte[] pkcs1) {
    ByteArrayOutputStream inner = new ByteArrayOutputStream(pkcs1.length + 32);
    inner.writeBytes(new byte[] {0x02, 0x01, 0x00});
    inner.writeBytes(RSA_ALGORITHM);
    inner.write(0x04);
    inner.writeBytes(derLength(pkcs1.length));
    inner.writeBytes(pkcs1);
    byte[] content = inner.toByteArray();
    ByteArrayOutputStream outer = new ByteArrayOutputStream(content.length + 8);
    outer.write(0x30);
    outer.writeBytes(derLength(content.length));
    outer.writeBytes(content);
    zero(content);
    return outer.toByteArray();
  }

  static byte[] derLength(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
    byte[] out = new byte[bytes + 1];
    out[0] = (byte) (0x80 | bytes);
    for (int i = bytes; i >= 1; i--) {
      out[i] = (byte) length;
      length >>>= 8;
    }
    return out;
  }

  private static void warnIfShared(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      EnumSet<PosixFilePermission> shared = EnumSet.noneOf(PosixFilePermission.class);
      for (PosixFilePermission p : perms) {
        if (NOT_OWNER.contains(p)) {
          shared.add(p);
        }
      }
      if (!shared.isEmpty()) {
        LOG.warn(
            "Private key file {} is accessible beyond its owner ({}); restrict it: chmod 600 {}",
            file,
            shared,
            file);
      }
    } catch (UnsupportedOperationException | IOException e) {
      LOG.debug("Cannot check permissions of {}: {}", file, e.toString());
    }
  }

  private static void zero(byte[] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
