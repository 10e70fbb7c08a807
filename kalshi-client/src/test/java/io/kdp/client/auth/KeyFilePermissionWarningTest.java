package io.kdp.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class KeyFilePermissionWarningTest {

  @TempDir Path dir;
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final Logger logger = (Logger) LoggerFactory.getLogger(PemKeys.class);

  @BeforeEach
  void attach() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(logs);
  }

  Path copyWith(String perms) throws Exception {
    Path file = dir.resolve("key-" + perms + ".pem");
    Files.copy(KalshiSignerTest.key("test-only-pkcs1.pem"), file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
    return file;
  }

  @Test
  void warnsOnceWhenGroupOrOthersMayReadTheKeyAndNamesOnlyTheFile() throws Exception {
    Path file = copyWith("rw-r--r--");
    PemKeys.readRsaPrivateKey(file);
    List<String> warnings = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(warnings)
        .containsExactly(
            "Private key file "
                + file
                + " is accessible beyond its owner ([GROUP_READ, OTHERS_READ]); restrict it: chmod 600 "
                + file);
  }

  @Test
  void staysQuietForAnOwnerOnlyKey() throws Exception {
    PemKeys.readRsaPrivateKey(copyWith("rw-------"));
    assertThat(logs.list).isEmpty();
  }
}
