package io.kdp.platform;

import io.kdp.platform.archive.ArchiveCommand;
import io.kdp.platform.dedup.DedupCommand;
import io.kdp.platform.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kdp} command line: one subcommand per role of the platform (DESIGN.md §6). */
@Command(
    name = "kdp",
    mixinStandardHelpOptions = true,
    version = "kdp 0.1.0",
    description = "Kalshi Data Platform: record the Kalshi exchange completely and exactly.",
    subcommands = {
      CommandLine.HelpCommand.class,
      SimCommand.class,
      DemoCommand.class,
      io.kdp.platform.verify.VerifyCommand.class,
      ReplayCommand.class,
      GathererCommand.class,
      DedupCommand.class,
      ArchiveCommand.class
    })
public final class Kdp implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Kdp()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
