package io.kdp.gatherer.connection;

/**
 * A sequence gap on a channel the gatherer heals without a snapshot (trades by a REST back-fill,
 * lifecycle by reconciling the registry), naming the one {@code sequence_gaps} row to close once it
 * is healed: the row of {@code connectionId}/{@code sid} whose {@code received_seq} is {@code
 * receivedSeq} (the frame after the hole; a stream's seq only grows, so it names one gap).
 */
public record ChannelGap(long connectionId, int sid, long receivedSeq, long detectedAtMicros) {}
