package io.kdp.gatherer.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.gatherer.connection.ShardChange.AddMarkets;
import io.kdp.gatherer.connection.ShardChange.CloseConnection;
import io.kdp.gatherer.connection.ShardChange.DeleteMarkets;
import io.kdp.gatherer.connection.ShardChange.OpenConnection;
import io.kdp.gatherer.connection.ShardChange.Subscribe;
import io.kdp.gatherer.connection.ShardChange.Unsubscribe;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardPlannerTest {

  // 3 markets per subscription, 2 subscriptions per connection, at most 2 connections
  final ShardPlanner planner = new ShardPlanner(3, 2, 2);

  static Set<String> markets(String... t) {
    return Set.of(t);
  }

  static SortedSet<String> sorted(String... t) {
    return new TreeSet<>(List.of(t));
  }

  @Test
  void theFirstPlanFillsSubscriptionsThenConnectionsInOrder() {
    List<ShardChange> changes = planner.plan(markets("A", "B", "C", "D", "E", "F", "G"));

    assertThat(changes)
        .containsExactly(
            new OpenConnection(0),
            new Subscribe(new Slot(0, 0), List.of("A", "B", "C")),
            new Subscribe(new Slot(0, 1), List.of("D", "E", "F")),
            new OpenConnection(1),
            new Subscribe(new Slot(1, 0), List.of("G")));
    assertThat(planner.slotOf("E")).isEqualTo(new Slot(0, 1));
    assertThat(planner.unassigned()).isEmpty();
  }

  @Test
  void closedMarketsAreDeletedAndNewOnesFillTheFreedRoomFirst() {
    planner.plan(markets("A", "B", "C", "D", "E", "F", "G"));

    List<ShardChange> changes = planner.plan(markets("A", "C", "D", "E", "F", "G", "H", "I", "J"));

    assertThat(changes)
        .containsExactly(
            new DeleteMarkets(new Slot(0, 0), List.of("B")),
            new AddMarkets(new Slot(0, 0), List.of("H")),
            new AddMarkets(new Slot(1, 0), List.of("I", "J")));
    assertThat(planner.assignment())
        .containsExactly(
            java.util.Map.entry(new Slot(0, 0), sorted("A", "C", "H")),
            java.util.Map.entry(new Slot(0, 1), sorted("D", "E", "F")),
            java.util.Map.entry(new Slot(1, 0), sorted("G", "I", "J")));
  }

  @Test
  void anUnchangedSetNeedsNoChange() {
    planner.plan(markets("A", "B", "C", "D"));

    assertThat(planner.plan(markets("D", "C", "B", "A"))).isEmpty();
  }

  @Test
  void aSlotWhoseMarketsAllClosedIsUnsubscribedAndAnEmptyConnectionClosed() {
    planner.plan(markets("A", "B", "C", "D", "E", "F", "G"));

    List<ShardChange> changes = planner.plan(markets("A", "B", "C"));

    assertThat(changes)
        .containsExactly(
            new Unsubscribe(new Slot(0, 1)),
            new Unsubscribe(new Slot(1, 0)),
            new CloseConnection(1));
  }

  @Test
  void anEmptiedSlotIsReusedByANewSubscriptionOnItsStillOpenConnection() {
    planner.plan(markets("A", "B", "C", "D"));

    List<ShardChange> changes = planner.plan(markets("A", "B", "C", "X"));

    assertThat(changes)
        .containsExactly(
            new Unsubscribe(new Slot(0, 1)), new Subscribe(new Slot(0, 1), List.of("X")));
  }

  @Test
  void marketsBeyondCapacityAreReportedAndPlacedWhenRoomAppears() {
    List<String> thirteen = IntStream.range(0, 13).mapToObj(i -> "M%02d".formatted(i)).toList();

    planner.plan(thirteen);

    assertThat(planner.unassigned()).containsExactly("M12");
    List<String> withoutFirst = thirteen.subList(1, 13);
    assertThat(planner.plan(withoutFirst))
        .containsExactly(
            new DeleteMarkets(new Slot(0, 0), List.of("M00")),
            new AddMarkets(new Slot(0, 0), List.of("M12")));
    assertThat(planner.unassigned()).isEmpty();
  }

  @Test
  void aRefusedSubscribeHalvesTheCapAndPlacesItsMarketsAgain() {
    ShardPlanner p = new ShardPlanner(4, 2, 4);
    p.plan(markets("A", "B", "C", "D", "E", "F"));

    List<ShardChange> changes = p.refused(new Slot(0, 0), List.of("A", "B", "C", "D"), true);

    assertThat(p.marketsPerSubscription()).isEqualTo(2);
    assertThat(changes)
        .containsExactly(
            new Subscribe(new Slot(0, 0), List.of("A", "B")),
            new OpenConnection(1),
            new Subscribe(new Slot(1, 0), List.of("C", "D")));
    assertThat(p.assignment())
        .containsExactly(
            java.util.Map.entry(new Slot(0, 0), sorted("A", "B")),
            java.util.Map.entry(new Slot(0, 1), sorted("E", "F")),
            java.util.Map.entry(new Slot(1, 0), sorted("C", "D")));
    assertThat(p.plan(markets("A", "B", "C", "D", "E", "F", "G")))
        .containsExactly(new Subscribe(new Slot(1, 1), List.of("G")));
  }

  @Test
  void aRefusedAddTakesOnlyTheAddedMarketsElsewhere() {
    ShardPlanner p = new ShardPlanner(4, 1, 4);
    p.plan(markets("A", "B"));
    p.plan(markets("A", "B", "C", "D"));

    List<ShardChange> changes = p.refused(new Slot(0, 0), List.of("C", "D"), false);

    assertThat(p.marketsPerSubscription()).isEqualTo(2);
    assertThat(changes)
        .containsExactly(new OpenConnection(1), new Subscribe(new Slot(1, 0), List.of("C", "D")));
    assertThat(p.slotOf("A")).isEqualTo(new Slot(0, 0));
    assertThat(p.refused(new Slot(3, 0), List.of("X"), true)).isEmpty();
  }
}
