package io.kdp.dedup.merge;

import io.kdp.dedup.book.Book;
import io.kdp.dedup.book.StreamKey;

/** One market's book in one gatherer's streams, and whether it can be trusted. */
final class MarketState {

  final Book book;
  StreamKey stream;
  boolean valid;
  long validSinceReceivedMicros;

  MarketState(Book book) {
    this.book = book;
  }

  void invalidate() {
    valid = false;
  }
}
