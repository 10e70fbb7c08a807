package io.kdp.gatherer;

import io.kdp.gatherer.config.GathererConfigReader;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -cp <test classpath> io.kdp.gatherer.GathererChild CONFIG}: one gatherer in its own
 * JVM, as {@code kdp gatherer --config} runs it, for tests that kill it with SIGKILL. Prints {@code
 * started} once it is collecting.
 */
public final class GathererChild {

  private GathererChild() {}

  public static void main(String[] args) throws Exception {
    Gatherer.open(GathererConfigReader.read(Path.of(args[0])), InstantSource.system()).start();
    System.out.println("started");
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
