package io.kdp.sim.world;

/** A change of a market's best YES bid or ask (micro-dollars), at exchange time in millis. */
public record QuoteTick(long timeMillis, long yesBidMicros, long yesAskMicros) {}
