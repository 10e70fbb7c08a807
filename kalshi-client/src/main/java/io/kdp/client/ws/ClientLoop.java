package io.kdp.client.ws;

import io.kdp.client.ws.message.CommandReply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;

/**
 * The one thread that owns a client's state. Tasks from other threads are queued to it; a task
 * coming from the thread itself (e.g. a {@link WsEvents} callback subscribing more markets) runs
 * inline, so nothing deadlocks.
 */
final class ClientLoop extends ScheduledThreadPoolExecutor {

  private final Thread thread;

  private ClientLoop(String name, Thread[] holder) {
    super(1, r -> holder[0] = Thread.ofPlatform().daemon().name(name).unstarted(r));
    setRemoveOnCancelPolicy(true);
    prestartCoreThread();
    this.thread = holder[0];
  }

  static ClientLoop named(String name) {
    return new ClientLoop(name, new Thread[1]);
  }

  boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Runs {@code task} on the loop and waits for its result. */
  <T> T call(Supplier<T> task) {
    if (inLoop()) {
      return task.get();
    }
    try {
      return submit(task::get).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  /** Runs {@code task} on the loop; the returned future follows the one it produces. */
  CompletableFuture<CommandReply> callAsync(Supplier<CompletableFuture<CommandReply>> task) {
    if (inLoop()) {
      return task.get();
    }
    return CompletableFuture.supplyAsync(task, this).thenCompose(f -> f);
  }
}
