package io.kdp.client.rest;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Kalshi cursor pagination as a lazy stream: the first page without a cursor, each next page with
 * the cursor of the one before, until a page's cursor is empty (or absent). Pages are fetched only
 * as the stream is consumed. A cursor seen before means the server is looping: the stream throws
 * {@link KalshiProtocolException} rather than repeat items forever.
 */
public final class Paginator {

  private Paginator() {}

  /** One page: its items and the cursor of the next page ({@code ""} or null at the end). */
  public record Page<T>(List<T> items, String cursor) {
    public Page {
      items = items == null ? List.of() : items;
    }
  }

  /** The items of every page, in order. */
  public static <T> Stream<T> items(String endpoint, Function<String, Page<T>> fetch) {
    return pages(endpoint, fetch).flatMap(p -> p.items().stream());
  }

  /**
   * Every page, in order.
   *
   * @param endpoint names the listing in errors
   * @param fetch fetches the page for a cursor ({@code null} for the first page)
   */
  public static <T> Stream<Page<T>> pages(String endpoint, Function<String, Page<T>> fetch) {
    Iterator<Page<T>> it = new PageIterator<>(endpoint, fetch);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private static final class PageIterator<T> implements Iterator<Page<T>> {
    private final String endpoint;
    private final Function<String, Page<T>> fetch;
    private final Set<String> seen = new HashSet<>();
    private final ArrayDeque<Page<T>> ready = new ArrayDeque<>(1);
    private String cursor;
    private boolean done;
    private int fetched;

    PageIterator(String endpoint, Function<String, Page<T>> fetch) {
      this.endpoint = endpoint;
      this.fetch = fetch;
    }

    @Override
    public boolean hasNext() {
      if (ready.isEmpty() && !done) {
        Page<T> page = fetch.apply(cursor);
        fetched++;
        String next = page.cursor();
        if (next == null || next.isEmpty()) {
          done = true;
        } else if (!seen.add(next)) {
          done = true;
          throw new KalshiProtocolException(
              endpoint
                  + ": cursor \""
                  + next
                  + "\" repeated after "
                  + fetched
                  + " pages; the server is looping, stopping this listing",
              endpoint,
              200,
              null,
              null,
              null);
        }
        cursor = next;
        ready.add(page);
      }
      return !ready.isEmpty();
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }
  }
}
