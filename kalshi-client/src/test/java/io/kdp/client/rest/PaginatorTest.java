package io.kdp.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.client.rest.Paginator.Page;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PaginatorTest {

  final List<String> requested = new ArrayList<>();

  Page<Integer> serve(Map<String, Page<Integer>> pages, String cursor) {
    requested.add(String.valueOf(cursor));
    return pages.get(String.valueOf(cursor));
  }

  @Test
  void followsCursorsUntilEmptyAndFetchesLazily() {
    Map<String, Page<Integer>> pages =
        Map.of(
            "null", new Page<>(List.of(1, 2), "c1"),
            "c1", new Page<>(List.of(), "c2"),
            "c2", new Page<>(List.of(3), ""));
    Stream<Integer> items = Paginator.items("GET /x", c -> serve(pages, c));
    assertThat(requested).as("nothing fetched before consumption").isEmpty();
    assertThat(items.toList()).containsExactly(1, 2, 3);
    assertThat(requested).containsExactly("null", "c1", "c2");
  }

  @Test
  void stopsAtANullCursorAndFetchesOnlyWhatIsConsumed() {
    Map<String, Page<Integer>> pages =
        Map.of("null", new Page<>(List.of(1, 2), "c1"), "c1", new Page<>(null, null));
    assertThat(Paginator.items("GET /x", c -> serve(pages, c)).limit(2).toList())
        .containsExactly(1, 2);
    assertThat(requested).containsExactly("null");
    requested.clear();
    assertThat(Paginator.items("GET /x", c -> serve(pages, c)).toList()).containsExactly(1, 2);
    assertThat(requested).containsExactly("null", "c1");
  }

  @Test
  void aRepeatingCursorFailsClearlyInsteadOfLooping() {
    Map<String, Page<Integer>> pages =
        Map.of(
            "null", new Page<>(List.of(1), "a"),
            "a", new Page<>(List.of(2), "b"),
            "b", new Page<>(List.of(3), "a"));
    List<Integer> seen = new ArrayList<>();
    assertThatThrownBy(
            () -> Paginator.items("GET /markets", c -> serve(pages, c)).forEach(seen::add))
        .isInstanceOf(KalshiProtocolException.class)
        .hasMessage(
            "GET /markets: cursor \"a\" repeated after 3 pages; the server is looping, stopping this listing");
    assertThat(seen).containsExactly(1, 2);
    assertThat(requested).isEqualTo(Arrays.asList("null", "a", "b"));
  }
}
