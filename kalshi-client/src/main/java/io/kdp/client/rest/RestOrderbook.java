package io.kdp.client.rest;

import io.kdp.client.ws.message.Level;
import java.util.List;

/**
 * One market's book from REST, levels parsed once: bids only per side, ascending by price (best bid
 * last), prices in micro-dollars and sizes in hundredths of a contract. The same value whether
 * Kalshi sent the current {@code orderbook_fp} or the legacy {@code orderbook} shape. REST books
 * carry no sequence number or exchange time.
 */
public record RestOrderbook(String ticker, List<Level> yes, List<Level> no) {

  public RestOrderbook {
    yes = List.copyOf(yes);
    no = List.copyOf(no);
  }
}
