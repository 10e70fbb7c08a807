package io.kdp.client.ws;

import java.util.List;

/**
 * A hole in one subscription's {@code seq}: frames {@code expected .. received-1} never came. The
 * books of {@code markets} are suspect until a fresh snapshot ({@link KalshiWsClient#getSnapshot})
 * or a resubscribe.
 *
 * @param connection the client's connection number (1 for the first connect, +1 per reconnect)
 * @param detectedAtMicros the client's clock when the gap was seen
 */
public record SequenceGap(
    long connection,
    int sid,
    String channel,
    long expected,
    long received,
    List<String> markets,
    long detectedAtMicros) {}
