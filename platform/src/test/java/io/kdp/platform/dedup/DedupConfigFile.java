package io.kdp.platform.dedup;

import io.kdp.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@code kdp dedup --config} file for one gatherer named "a", as the tests here run it. */
final class DedupConfigFile {

  private DedupConfigFile() {}

  /** Writes {@code dir/dedup.conf} naming {@code production} and gatherer a's database. */
  static Path write(Path dir, TestDatabase production, TestDatabase gatherer) throws IOException {
    Path file = dir.resolve("dedup.conf");
    Files.writeString(
        file,
        """
        kdp.dedup {
          production { url = "%s", user = "postgres" }
          gatherers = [ { name = "a", timeseries-url = "%s", user = "postgres" } ]
        }
        """
            .formatted(production.urlWithoutUser(), gatherer.urlWithoutUser()));
    return file;
  }
}
