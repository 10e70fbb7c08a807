package io.kdp.sim.world;

import java.util.List;

/**
 * A series of the simulated exchange (a template for recurring events).
 *
 * @param lastUpdatedMillis when its metadata last changed
 */
public record SeriesState(
    String ticker,
    String title,
    String category,
    String frequency,
    List<String> tags,
    String feeType,
    String feeMultiplier,
    long lastUpdatedMillis) {}
