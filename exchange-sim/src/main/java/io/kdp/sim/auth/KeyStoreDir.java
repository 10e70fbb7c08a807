package io.kdp.sim.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where the simulator's accepted API keys come from: a directory of {@code <key-id>.pem} public
 * keys ({@code --auth-keys}), or a key pair the simulator makes (once) in its data directory.
 */
public final class KeyStoreDir {

  /** A key the simulator generated: its id and the private key file a client signs with. */
  public record GeneratedKey(String keyId, Path privateKeyFile) {}

  private KeyStoreDir() {}

  /** Every {@code <key-id>.pem} public key in a directory. */
  public static Map<String, PublicKey> load(Path dir) throws IOException, GeneralSecurityException {
    Map<String, PublicKey> keys = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".pem")).toList()) {
        String name = f.getFileName().toString();
        keys.put(name.substring(0, name.length() - 4), PemKeys.readPublic(f));
      }
    }
    if (keys.isEmpty()) {
      throw new IOException("no <key-id>.pem public keys in " + dir);
    }
    return keys;
  }

  /**
   * The simulator's own key in {@code dataDir/auth}: made on first use (RSA 2048), reused after.
   * Writes {@code <key-id>.pem} (public) and {@code private-key.pem} (PKCS#8, owner-only).
   */
  public static GeneratedKey generated(Path dataDir) throws IOException, GeneralSecurityException {
    Path dir = dataDir.resolve("auth");
    Path idFile = dir.resolve("key-id");
    Path privateFile = dir.resolve("private-key.pem");
    if (Files.exists(idFile) && Files.exists(privateFile)) {
      return new GeneratedKey(Files.readString(idFile).strip(), privateFile);
    }
    Files.createDirectories(dir);
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    KeyPair pair = gen.generateKeyPair();
    String keyId = UUID.randomUUID().toString();
    Files.writeString(
        dir.resolve(keyId + ".pem"), PemKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    Files.writeString(privateFile, PemKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    try {
      Files.setPosixFilePermissions(
          privateFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the file keeps the default permissions
    }
    Files.writeString(idFile, keyId + "\n");
    return new GeneratedKey(keyId, privateFile);
  }

  /** The public keys of a generated key's directory. */
  public static Map<String, PublicKey> publicKeys(GeneratedKey key)
      throws IOException, GeneralSecurityException {
    Path dir = key.privateKeyFile().getParent();
    return Map.of(key.keyId(), PemKeys.readPublic(dir.resolve(key.keyId() + ".pem")));
  }
}
