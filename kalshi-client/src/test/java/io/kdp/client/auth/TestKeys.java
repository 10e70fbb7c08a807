package io.kdp.client.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The test-only RSA key under {@code src/test/resources/keys} and a JDK verifier for it. */
public final class TestKeys {

  private TestKeys() {}

  /** A file under {@code /keys}. */
  public static Path key(String name) throws Exception {
    return Path.of(TestKeys.class.getResource("/keys/" + name).toURI());
  }

  /** The PKCS#1 private key file. */
  public static Path pkcs1() throws Exception {
    return key("test-only-pkcs1.pem");
  }

  public static PublicKey publicKey() throws Exception {
    String pem = Files.readString(key("test-only-public.pem"));
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "");
    return KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(b64)));
  }

  /** Verifies a base64 RSA-PSS signature of {@code message} with the public key. */
  public static boolean verify(PSSParameterSpec pss, String message, String b64) throws Exception {
    Signature v = Signature.getInstance("RSASSA-PSS");
    v.setParameter(pss);
    v.initVerify(publicKey());
    v.update(message.getBytes(StandardCharsets.UTF_8));
    return v.verify(Base64.getDecoder().decode(b64));
  }
}
