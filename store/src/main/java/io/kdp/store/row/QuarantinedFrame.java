package io.kdp.store.row;

/**
 * A frame kept whole because it did not decode or has a type we do not model (DESIGN.md §4.6).
 *
 * @param frameId the stored id (0 for a row not yet written)
 * @param connectionId the connection it arrived on, 0 for REST
 * @param frame the frame exactly as received
 * @param frameType its {@code type} if it could be read, else null
 * @param reason why it was not decoded
 * @param receivedAtMicros Unix µs on the gatherer's clock
 */
public record QuarantinedFrame(
    long frameId,
    String gatherer,
    long connectionId,
    String frame,
    String frameType,
    String reason,
    long receivedAtMicros) {}
