package io.kdp.platform.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.platform.status.PrometheusText.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  void readsSamplesLabelsAndSpecialValuesAndCountsWhatItCannotRead() {
    String text =
        """
        # HELP kdp_gatherer_messages_total decoded messages
        # TYPE kdp_gatherer_messages_total counter
        kdp_gatherer_messages_total{channel="trade",gatherer="a"} 1234.0
        kdp_gatherer_messages_total{channel="orderbook_delta",gatherer="a",} 5.0E4
        kdp_gatherer_journal_backlog_records{gatherer="a"} 0
        kdp_odd{path="a \\"quoted\\" \\\\ value"} +Inf
        process_uptime_seconds 12.5 1764083696123

        this line is not a sample
        kdp_broken{channel="trade" 1
        """;
    PrometheusText.Scrape s = PrometheusText.parse(text);
    assertThat(s.samples())
        .containsExactly(
            new Sample(
                "kdp_gatherer_messages_total", Map.of("channel", "trade", "gatherer", "a"), 1234.0),
            new Sample(
                "kdp_gatherer_messages_total",
                Map.of("channel", "orderbook_delta", "gatherer", "a"),
                50_000.0),
            new Sample("kdp_gatherer_journal_backlog_records", Map.of("gatherer", "a"), 0.0),
            new Sample(
                "kdp_odd", Map.of("path", "a \"quoted\" \\ value"), Double.POSITIVE_INFINITY),
            new Sample("process_uptime_seconds", Map.of(), 12.5));
    assertThat(s.skipped()).isEqualTo(2);
    assertThat(s.sum("kdp_gatherer_messages_total")).isEqualTo(51_234.0);
    assertThat(s.named("kdp_missing")).isEqualTo(List.of());
  }
}
