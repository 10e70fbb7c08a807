package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The error body as Kalshi's servers send it: {@code {"error":{...}}}. Some responses send the bare
 * {@link ErrorBody}; clients read both.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorEnvelope(ErrorBody error) {}
