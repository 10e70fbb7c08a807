package io.kdp.client.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An API key: its id (shown by Kalshi when the key is created) and the file holding its RSA private
 * key in PEM. Holds the file's path, never the key itself.
 *
 * @param keyId the API key id, sent in {@code KALSHI-ACCESS-KEY}
 * @param privateKeyFile PEM file, PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA
 *     PRIVATE KEY})
 */
public record ApiCredentials(String keyId, Path privateKeyFile) {

  public ApiCredentials {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(privateKeyFile, "privateKeyFile");
    if (keyId.isBlank()) {
      throw new IllegalArgumentException("API key id is blank");
    }
  }
}
