package io.kdp.client.ws.message;

/**
 * A frame kept whole because it did not decode (malformed JSON, a bad number, a missing field) or
 * because its {@code type} is one we do not model. Never dropped: the gatherer journals and counts
 * these.
 *
 * @param text the frame exactly as received
 * @param type the frame's {@code type} if it could be read, else null
 * @param reason why it was not decoded, e.g. {@code "unknown type: multivariate_lookup"}
 */
public record RawFrame(String text, String type, String reason) implements KalshiWsMessage {}
