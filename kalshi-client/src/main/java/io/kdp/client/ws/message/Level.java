package io.kdp.client.ws.message;

/**
 * One resting price level: price in micro-dollars, size in hundredths of a contract.
 *
 * @param priceMicros price, see {@link io.kdp.client.model.Dollars}
 * @param sizeCenti resting size, see {@link io.kdp.client.model.Contracts}
 */
public record Level(long priceMicros, long sizeCenti) {}
