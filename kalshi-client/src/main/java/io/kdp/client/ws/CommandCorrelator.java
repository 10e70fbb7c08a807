package io.kdp.client.ws;

import io.kdp.client.ws.message.CommandReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Command ids for one connection (1, 2, 3, ...) and the futures waiting for their replies. A reply
 * completes its command's future; no reply within the timeout fails it with {@link
 * TimeoutException} and tells the owner. Confined to the client's thread (the timeouts run there).
 */
final class CommandCorrelator {

  /** What a command was for, so its reply can be acted on. */
  record Sent(String cmd, WsSubscription subscription, List<String> markets) {}

  private record Pending(
      Sent sent, CompletableFuture<CommandReply> future, ScheduledFuture<?> timer) {}

  private final ScheduledExecutorService executor;
  private final long timeoutMillis;
  private final Consumer<Sent> onTimeout;
  private final Map<Integer, Pending> pending = new HashMap<>();
  private int nextId = 1;

  CommandCorrelator(ScheduledExecutorService executor, Duration timeout, Consumer<Sent> onTimeout) {
    this.executor = executor;
    this.timeoutMillis = timeout.toMillis();
    this.onTimeout = onTimeout;
  }

  /** Reserves the next id for {@code sent}; the caller sends the command with it. */
  int register(Sent sent, CompletableFuture<CommandReply> future) {
    int id = nextId++;
    ScheduledFuture<?> timer =
        executor.schedule(() -> expire(id), timeoutMillis, TimeUnit.MILLISECONDS);
    pending.put(id, new Pending(sent, future, timer));
    return id;
  }

  /** Completes the command {@code reply} answers; returns what it was for, or null if unknown. */
  Sent complete(CommandReply reply) {
    Pending p = pending.remove(reply.id());
    if (p == null) {
      return null;
    }
    p.timer.cancel(false);
    p.future.complete(reply);
    return p.sent;
  }

  /** The connection is gone: every waiting command fails with {@code cause}. */
  void failAll(Exception cause) {
    List<Pending> all = new ArrayList<>(pending.values());
    pending.clear();
    for (Pending p : all) {
      p.timer.cancel(false);
      p.future.completeExceptionally(cause);
    }
  }

  int inFlight() {
    return pending.size();
  }

  private void expire(int id) {
    Pending p = pending.remove(id);
    if (p != null) {
      p.future.completeExceptionally(
          new TimeoutException(p.sent.cmd() + " " + id + ": no reply in " + timeoutMillis + " ms"));
      onTimeout.accept(p.sent);
    }
  }
}
