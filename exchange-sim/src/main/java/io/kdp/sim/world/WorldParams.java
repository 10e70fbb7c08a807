package io.kdp.sim.world;

import java.time.Duration;

/**
 * How the simulated world behaves.
 *
 * @param liveMarkets how many markets the engine keeps listed and not yet closed
 * @param messagesPerSecond order-flow messages (deltas, trades, tickers) per second, overall
 * @param seed everything random derives from it: same seed and same step times, same world
 * @param lifetimeMin shortest time a market stays open
 * @param lifetimeMax longest time a market stays open
 * @param openDelay from {@code created} to {@code activated}
 * @param determineDelay from close to {@code determined}
 * @param settlementTimerSeconds from {@code determined} to {@code settled}
 * @param pausesPerMarketHour mean number of pauses ({@code deactivated}) per open market per hour
 * @param maxTrades trades kept on the live tape; older ones move behind the historical cutoff
 */
public record WorldParams(
    int liveMarkets,
    double messagesPerSecond,
    long seed,
    Duration lifetimeMin,
    Duration lifetimeMax,
    Duration openDelay,
    Duration determineDelay,
    int settlementTimerSeconds,
    double pausesPerMarketHour,
    int maxTrades) {

  public WorldParams {
    if (maxTrades < 2) {
      throw new IllegalArgumentException("maxTrades must be >= 2, got " + maxTrades);
    }
    if (liveMarkets < 1) {
      throw new IllegalArgumentException("liveMarkets must be >= 1, got " + liveMarkets);
    }
    if (messagesPerSecond < 0) {
      throw new IllegalArgumentException("messagesPerSecond must be >= 0");
    }
    if (lifetimeMax.compareTo(lifetimeMin) < 0) {
      throw new IllegalArgumentException("lifetimeMax < lifetimeMin");
    }
  }

  /** Defaults for {@code kdp sim}: markets live 10 to 60 minutes. */
  public static WorldParams defaults(int liveMarkets, double messagesPerSecond, long seed) {
    return new WorldParams(
        liveMarkets,
        messagesPerSecond,
        seed,
        Duration.ofMinutes(10),
        Duration.ofMinutes(60),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        30,
        2.0,
        1_000_000);
  }

  /** A copy with other market lifetimes (tests use seconds). */
  public WorldParams withLifetimes(Duration min, Duration max) {
    return new WorldParams(
        liveMarkets,
        messagesPerSecond,
        seed,
        min,
        max,
        openDelay,
        determineDelay,
        settlementTimerSeconds,
        pausesPerMarketHour,
        maxTrades);
  }

  /** A copy with other lifecycle delays (tests use short ones). */
  public WorldParams withDelays(Duration open, Duration determine, int settlementSeconds) {
    return new WorldParams(
        liveMarkets,
        messagesPerSecond,
        seed,
        lifetimeMin,
        lifetimeMax,
        open,
        determine,
        settlementSeconds,
        pausesPerMarketHour,
        maxTrades);
  }

  /** A copy keeping at most {@code max} trades on the live tape. */
  public WorldParams withMaxTrades(int max) {
    return new WorldParams(
        liveMarkets,
        messagesPerSecond,
        seed,
        lifetimeMin,
        lifetimeMax,
        openDelay,
        determineDelay,
        settlementTimerSeconds,
        pausesPerMarketHour,
        max);
  }

  /** A copy with another pause rate ({@code deactivated} events per open market per hour). */
  public WorldParams withPauses(double perMarketHour) {
    return new WorldParams(
        liveMarkets,
        messagesPerSecond,
        seed,
        lifetimeMin,
        lifetimeMax,
        openDelay,
        determineDelay,
        settlementTimerSeconds,
        perMarketHour,
        maxTrades);
  }
}
