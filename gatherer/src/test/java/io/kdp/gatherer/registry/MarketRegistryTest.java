package io.kdp.gatherer.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.ws.message.LifecycleEventType;
import io.kdp.client.ws.message.MarketLifecycle;
import io.kdp.gatherer.registry.MarketRegistry.LifecycleOutcome.StatusChanged;
import io.kdp.gatherer.registry.MarketRegistry.LifecycleOutcome.Unchanged;
import io.kdp.gatherer.registry.MarketRegistry.Reconciliation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketRegistryTest {

  final MarketRegistry registry = new MarketRegistry();

  static MarketLifecycle event(String ticker, LifecycleEventType type, Boolean deactivated) {
    return new MarketLifecycle(
        13,
        1,
        ticker,
        type,
        null,
        null,
        null,
        deactivated,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of());
  }

  @Test
  void aMarketIsBookSubscribedFromActivationUntilDetermination() {
    var created = registry.onLifecycle(event("M-1", LifecycleEventType.CREATED, null));
    assertThat(created).isEqualTo(new StatusChanged("M-1", null, "initialized", true));
    assertThat(registry.bookMarkets()).isEmpty();

    assertThat(registry.onLifecycle(event("M-1", LifecycleEventType.ACTIVATED, null)))
        .isEqualTo(new StatusChanged("M-1", "initialized", "active", false));
    assertThat(registry.bookMarkets()).containsExactly("M-1");

    assertThat(registry.onLifecycle(event("M-1", LifecycleEventType.DEACTIVATED, true)))
        .isEqualTo(new StatusChanged("M-1", "active", "inactive", false));
    assertThat(registry.bookMarkets()).containsExactly("M-1");
    assertThat(registry.onLifecycle(event("M-1", LifecycleEventType.DEACTIVATED, false)))
        .isEqualTo(new StatusChanged("M-1", "inactive", "active", false));

    assertThat(registry.onLifecycle(event("M-1", LifecycleEventType.CLOSE_DATE_UPDATED, null)))
        .isEqualTo(new Unchanged("M-1", true));
    assertThat(registry.onLifecycle(event("M-1", LifecycleEventType.DETERMINED, null)))
        .isEqualTo(new StatusChanged("M-1", "active", "determined", true));
    assertThat(registry.bookMarkets()).isEmpty();
    assertThat(registry.onLifecycle(event("M-1", LifecycleEventType.SETTLED, null)))
        .isEqualTo(new StatusChanged("M-1", "determined", "finalized", true));
  }

  @Test
  void anEventForAnUnknownMarketAsksForItsRow() {
    assertThat(registry.onLifecycle(event("X-9", LifecycleEventType.ACTIVATED, null)))
        .isEqualTo(new StatusChanged("X-9", null, "active", true));
  }

  @Test
  void reconciliationRepairsAndReportsEveryKindOfDrift() {
    registry.observe("A", "active");
    registry.observe("B", "active");
    registry.observe("C", "closed");

    Reconciliation r = registry.reconcile(Map.of("A", "active", "B", "closed", "D", "active"));

    assertThat(r).isEqualTo(new Reconciliation(List.of("D"), List.of("B"), List.of("C")));
    assertThat(registry.bookMarkets()).containsExactly("A", "B", "D");
    assertThat(registry.reconcile(Map.of("A", "active", "B", "closed", "D", "active")).clean())
        .isTrue();
  }
}
