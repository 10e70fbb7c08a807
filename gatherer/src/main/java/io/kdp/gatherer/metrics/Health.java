package io.kdp.gatherer.metrics;

import java.util.Map;

/**
 * The gatherer's liveness as served on {@code /health}: 200 when {@code live}, else 503, with the
 * details as JSON.
 *
 * @param details per-part state (connections, database, journal), JSON-serialisable values
 */
public record Health(boolean live, Map<String, Object> details) {}
