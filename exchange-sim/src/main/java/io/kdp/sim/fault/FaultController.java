package io.kdp.sim.fault;

import io.kdp.sim.auth.SignatureVerifier;
import io.kdp.sim.rest.ApiException;
import io.kdp.sim.rest.RestGate;
import io.kdp.sim.world.World;
import io.kdp.sim.ws.FanOut;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies fault SPEC items (see {@link FaultSpec}) to the running exchange: WebSocket faults
 * through the fan-out, REST faults as a {@link RestGate} (injected 429/5xx, per-key rate limit),
 * maintenance windows through the world. Items with {@code @EVERY} repeat until {@code clear}.
 */
public final class FaultController implements RestGate, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FaultController.class);
  private static final int[] SERVER_ERRORS = {500, 502, 503, 504};

  private final World world;
  private final FanOut fanOut;
  private final InstantSource clock;
  private final SignatureVerifier verifier;
  private final TokenBuckets buckets;
  private final SplittableRandom rnd = new SplittableRandom(7);
  private final ScheduledExecutorService scheduler;
  private final List<ScheduledFuture<?>> repeating = new ArrayList<>();
  private volatile double rate429;
  private volatile double rate5xx;
  private volatile int retryAfter = 1;

  public FaultController(
      World world, FanOut fanOut, InstantSource clock, SignatureVerifier verifier) {
    this.world = world;
    this.fanOut = fanOut;
    this.clock = clock;
    this.verifier = verifier;
    this.buckets = new TokenBuckets(clock);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sim-faults");
              t.setDaemon(true);
              return t;
            });
  }

  /** Applies every item of a SPEC; returns one line per item saying what was done. */
  public List<String> apply(FaultSpec spec) {
    List<String> done = new ArrayList<>();
    for (FaultSpec.Item item : spec.items()) {
      validate(item);
      if (item.every() != null) {
        long every = item.every().toMillis();
        synchronized (repeating) {
          repeating.add(
              scheduler.scheduleAtFixedRate(
                  () -> safeApply(item), every, every, TimeUnit.MILLISECONDS));
        }
        done.add(item.name() + " every " + item.every());
      } else {
        done.add(applyOnce(item));
      }
    }
    return done;
  }

  private void safeApply(FaultSpec.Item item) {
    try {
      applyOnce(item);
    } catch (RuntimeException e) {
      LOG.warn("fault {} failed", item.name(), e);
    }
  }

  private void validate(FaultSpec.Item item) {
    switch (item.name()) {
      case "skip-seq", "duplicate", "retry-after", "rate-limit" -> count(item, 1);
      case "delay" -> delay(item);
      case "http-429", "http-5xx" -> fraction(item);
      case "maintenance" -> FaultSpec.duration(required(item), item.name());
      case "revoke-key" -> required(item);
      default -> {}
    }
  }

  private String applyOnce(FaultSpec.Item item) {
    String v = item.value();
    switch (item.name()) {
      case "disconnect" -> {
        return "disconnected " + fanOut.disconnectAll() + " connections";
      }
      case "slow-consumer" -> {
        return "ended " + fanOut.slowConsumerAll() + " subscriptions with error 25";
      }
      case "skip-seq" -> fanOut.faults().skipSeq(count(item, 1));
      case "duplicate" -> fanOut.faults().duplicate(count(item, 1));
      case "delay" -> {
        long[] d = delay(item);
        fanOut.faults().delay((int) d[0], d[1]);
      }
      case "stop-pings" -> fanOut.faults().stopPings(v == null || Boolean.parseBoolean(v));
      case "http-429" -> rate429 = fraction(item);
      case "http-5xx" -> rate5xx = fraction(item);
      case "retry-after" -> retryAfter = count(item, 1);
      case "rate-limit" -> buckets.setPerSecond(count(item, 20));
      case "maintenance" -> {
        long until = clock.millis() + FaultSpec.duration(required(item), item.name()).toMillis();
        world.setExchangeActive(false, until);
      }
      case "revoke-key" -> verifier.revoke(required(item));
      case "clear" -> clear();
      default -> throw new IllegalArgumentException("unknown fault " + item.name());
    }
    return item.name() + (v == null ? "" : "=" + v);
  }

  /** Turns every fault off and stops repeating ones. */
  public void clear() {
    synchronized (repeating) {
      repeating.forEach(f -> f.cancel(false));
      repeating.clear();
    }
    fanOut.faults().clear();
    rate429 = 0;
    rate5xx = 0;
    retryAfter = 1;
    buckets.setPerSecond(0);
    verifier.restoreAll();
  }

  /** What is armed now, for {@code GET /sim/admin/status}. */
  public Map<String, Object> state() {
    int repeats;
    synchronized (repeating) {
      repeats = repeating.size();
    }
    return Map.of(
        "http_429_rate", rate429,
        "http_5xx_rate", rate5xx,
        "retry_after_s", retryAfter,
        "rate_limit_per_s", buckets.perSecond(),
        "repeating_faults", repeats);
  }

  @Override
  public ApiException check(String path, String client) {
    if (!buckets.tryTake(client)) {
      return new ApiException(429, "too_many_requests", "rate limit exceeded", 1);
    }
    double r429 = rate429;
    double r5xx = rate5xx;
    if (r429 == 0 && r5xx == 0) {
      return null;
    }
    double x;
    int status;
    synchronized (rnd) {
      x = rnd.nextDouble();
      status = SERVER_ERRORS[rnd.nextInt(SERVER_ERRORS.length)];
    }
    if (x < r429) {
      return new ApiException(429, "too_many_requests", "too many requests", retryAfter);
    }
    if (x < r429 + r5xx) {
      return new ApiException(
          status, status == 503 ? "service_unavailable" : "internal_error", "injected fault");
    }
    return null;
  }

  private static String required(FaultSpec.Item item) {
    if (item.value() == null) {
      throw new IllegalArgumentException(item.name() + " needs a value");
    }
    return item.value();
  }

  private static int count(FaultSpec.Item item, int dflt) {
    if (item.value() == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(item.value());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          item.name() + " needs a non-negative integer, got " + item.value());
    }
  }

  private static double fraction(FaultSpec.Item item) {
    try {
      double d = Double.parseDouble(required(item));
      if (d < 0 || d > 1) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          item.name() + " needs a fraction 0..1, got " + item.value());
    }
  }

  /** {@code N} or {@code N/DUR}: how many frames and how late (default 500 ms). */
  private static long[] delay(FaultSpec.Item item) {
    String v = item.value() == null ? "1" : item.value();
    int slash = v.indexOf('/');
    FaultSpec.Item n = new FaultSpec.Item(item.name(), slash < 0 ? v : v.substring(0, slash), null);
    Duration d = slash < 0 ? Duration.ofMillis(500) : FaultSpec.duration(v.substring(slash + 1), v);
    return new long[] {count(n, 1), d.toMillis()};
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
