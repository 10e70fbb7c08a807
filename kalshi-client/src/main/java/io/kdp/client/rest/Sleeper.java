package io.kdp.client.rest;

import java.time.Duration;

/** Waits; injected so that tests of backoff and rate limiting record delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** The real one. */
  Sleeper SYSTEM = Thread::sleep;

  void sleep(Duration duration) throws InterruptedException;
}
