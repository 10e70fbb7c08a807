package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.auth.RequestSigner;
import io.kdp.sim.auth.PemKeys;
import io.kdp.sim.auth.SimRequestSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** RSA-PSS signatures on the authenticated REST endpoints: accepted when right, 401 otherwise. */
@Timeout(60)
class AuthTest {

  @TempDir Path dir;

  @Test
  void generatedKeyIsAcceptedAndUnsignedOrForeignRequestsGet401() throws Exception {
    try (SimFixture f = new SimFixture(dir, SimFixture.fastWorld(3, 50, 1))) {
      String ticker = f.sim.world().read(() -> f.sim.world().markets().get(0).ticker);
      String path = "/markets/" + ticker + "/orderbook";
      assertThat(f.http().get(path).status()).isEqualTo(200);
      assertThat(f.http().get("/markets/orderbooks?tickers=" + ticker).status()).isEqualTo(200);

      Http.Reply unsigned = f.anonymous().get(path);
      assertThat(unsigned.status()).isEqualTo(401);
      assertThat(unsigned.body())
          .contains("\"code\":\"authentication_error\"", "\"service\":\"exchange\"");
      assertThat(f.anonymous().get("/markets/orderbooks?tickers=" + ticker).status())
          .isEqualTo(401);
      assertThat(f.anonymous().get("/markets/" + ticker).status()).isEqualTo(200);

      KeyPair other = rsa();
      RequestSigner impostor =
          new SimRequestSigner(f.sim.keyId(), other.getPrivate(), InstantSource.system());
      assertThat(new Http(f.sim.restBase(), impostor).get(path).status()).isEqualTo(401);
      RequestSigner stale =
          new SimRequestSigner(
              f.sim.keyId(),
              PemKeys.readPrivate(f.sim.privateKeyFile()),
              () -> java.time.Instant.now().minusSeconds(3600));
      assertThat(new Http(f.sim.restBase(), stale).get(path).status()).isEqualTo(401);
      RequestSigner wrongPath = (method, p) -> f.sim.signer().sign(method, "/trade-api/v2/markets");
      assertThat(new Http(f.sim.restBase(), wrongPath).get(path).status()).isEqualTo(401);
    }
  }

  @Test
  void keysFromAnAuthKeysDirectoryAreAccepted() throws Exception {
    KeyPair pair = rsa();
    Path keys = Files.createDirectories(dir.resolve("keys"));
    Files.writeString(
        keys.resolve("my-key-id.pem"), PemKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    SimConfig config =
        SimConfig.defaults(dir.resolve("data"))
            .withWorld(SimFixture.fastWorld(3, 50, 1))
            .withAuthKeys(keys);
    try (SimFixture f = new SimFixture(config)) {
      assertThat(f.sim.keyId()).isNull();
      String ticker = f.sim.world().read(() -> f.sim.world().markets().get(0).ticker);
      RequestSigner signer =
          new SimRequestSigner("my-key-id", pair.getPrivate(), InstantSource.system());
      assertThat(
              new Http(f.sim.restBase(), signer).get("/markets/" + ticker + "/orderbook").status())
          .isEqualTo(200);
      RequestSigner unknown =
          new SimRequestSigner("other-id", pair.getPrivate(), InstantSource.system());
      assertThat(
              new Http(f.sim.restBase(), unknown).get("/markets/" + ticker + "/orderbook").status())
          .isEqualTo(401);
    }
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    return gen.generateKeyPair();
  }
}
