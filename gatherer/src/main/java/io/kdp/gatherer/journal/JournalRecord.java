package io.kdp.gatherer.journal;

/**
 * One WebSocket frame as received: the gatherer's receive time, the connection it came on and the
 * frame text, byte for byte. On disk it is one JSON line:
 *
 * <pre>{@code
 * {"received_us":1764083696123456,"connection":"ob-0","frame":"{\"type\":\"trade\",\"sid\":3,...}"}
 * }</pre>
 *
 * @param receivedMicros receive time, microseconds since the epoch (0 when a capture had none)
 * @param connection the connection's name, e.g. {@code "ob-0"}, {@code "trade"}
 * @param frame the frame text exactly as received
 */
public record JournalRecord(long receivedMicros, String connection, String frame) {}
