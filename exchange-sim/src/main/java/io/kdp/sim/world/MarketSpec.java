package io.kdp.sim.world;

import java.math.BigDecimal;

/** What the generator decides about a new market before the engine lists it. */
record MarketSpec(
    String tickerSuffix,
    String yesSubTitle,
    String noSubTitle,
    String strikeType,
    BigDecimal floorStrike,
    String rulesPrimary,
    PriceGrid grid,
    boolean fractional,
    boolean canCloseEarly,
    long fairMicros) {}
