package io.kdp.gatherer.connection;

/**
 * A sequence gap on a channel the gatherer heals without a snapshot (trades by a REST back-fill,
 * lifecycle by reconciling the registry), naming the {@code sequence_gaps} rows to close once it is
 * healed: those of {@code connectionId}/{@code sid} detected up to {@code detectedAtMicros}.
 */
public record ChannelGap(long connectionId, int sid, long detectedAtMicros) {}
