package io.kdp.sim.world;

import io.kdp.client.model.Dollars;
import io.kdp.client.model.Side;

/**
 * One trade as the exchange recorded it.
 *
 * @param number position in the exchange's trade tape, from 1, increasing
 * @param yesPriceMicros the YES price; the NO price is one dollar minus it
 * @param countCenti contracts in hundredths
 * @param takerSide the side the taker bought
 * @param timeMicros exchange time
 */
public record TradeRecord(
    long number,
    String tradeId,
    String ticker,
    long yesPriceMicros,
    long countCenti,
    Side takerSide,
    long timeMicros) {

  /** The NO price, one dollar minus the YES price. */
  public long noPriceMicros() {
    return Dollars.ONE - yesPriceMicros;
  }
}
