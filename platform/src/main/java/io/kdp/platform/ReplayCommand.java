package io.kdp.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kdp.gatherer.config.SecretFile;
import io.kdp.gatherer.router.JournalReplay;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kdp replay}: raw frames (a journal or any capture) into a gatherer database. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Load raw frames into a gatherer database through the gatherer's router and writers.",
      "INPUT is a journal directory, a journal segment (.jsonl.gz) or a capture (.jsonl),",
      "one journal record or bare Kalshi frame per line. Replaying the same input again with",
      "the same --gatherer stores nothing twice."
    })
public final class ReplayCommand implements Callable<Integer> {

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "frames to load")
  Path input;

  @Option(
      names = "--db",
      required = true,
      paramLabel = "URL",
      description = "JDBC URL of the gatherer database, e.g. jdbc:postgresql://host/db?user=kdp")
  String db;

  @Option(names = "--password-file", paramLabel = "FILE", description = "database password file")
  Path passwordFile;

  @Option(
      names = "--gatherer",
      defaultValue = "replay",
      description = "gatherer id stored with the rows (default: ${DEFAULT-VALUE})")
  String gatherer;

  @Override
  public Integer call() throws Exception {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(db);
    hc.setMaximumPoolSize(8);
    hc.setPoolName("replay");
    if (passwordFile != null) {
      hc.setPassword(new SecretFile(passwordFile).firstLine());
    }
    try (HikariDataSource ds = new HikariDataSource(hc)) {
      JournalReplay.Result r =
          JournalReplay.run(input, ds, gatherer, JournalReplay.defaultQueues());
      System.out.printf(
          "{\"input\":\"%s\",\"frames\":%d,\"corrupt\":%d}%n", input, r.frames(), r.corrupt());
    }
    return 0;
  }
}
