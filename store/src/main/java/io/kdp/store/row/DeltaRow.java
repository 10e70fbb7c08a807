package io.kdp.store.row;

import io.kdp.client.model.Side;

/**
 * One stored {@code orderbook_delta}: add {@code deltaCenti} to the resting size at {@code
 * priceMicros} on {@code side}.
 *
 * @param exchangeTimeMicros Unix µs from {@code ts_ms}/{@code ts}, or {@link
 *     io.kdp.client.ws.message.KalshiWsMessage#NO_TIME} (stored as null)
 * @param receivedAtMicros Unix µs on the gatherer's clock
 */
public record DeltaRow(
    String market,
    Side side,
    long priceMicros,
    long deltaCenti,
    long exchangeTimeMicros,
    long receivedAtMicros,
    Provenance provenance)
    implements StreamRow {}
