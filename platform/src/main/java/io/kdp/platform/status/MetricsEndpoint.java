package io.kdp.platform.status;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;

/**
 * One role's admin HTTP as seen from the status collector: {@code <base>/metrics} and {@code
 * <base>/health}.
 *
 * @param name role name shown on the page (gatherer id, {@code dedup})
 * @param base e.g. {@code http://127.0.0.1:8780}
 */
public record MetricsEndpoint(String name, URI base) {

  /** A reading: the parsed metrics, or why there are none. */
  public record Reading(PrometheusText.Scrape scrape, boolean healthy, String error) {}

  Reading read(HttpClient http) {
    try {
      ContentResponse metrics =
          http.newRequest(base.resolve("/metrics")).timeout(2, TimeUnit.SECONDS).send();
      if (metrics.getStatus() != 200) {
        return new Reading(null, false, "/metrics answered " + metrics.getStatus());
      }
      ContentResponse health =
          http.newRequest(base.resolve("/health")).timeout(2, TimeUnit.SECONDS).send();
      PrometheusText.Scrape scrape = PrometheusText.parse(metrics.getContentAsString());
      boolean healthy = health.getStatus() == 200;
      return new Reading(
          scrape, healthy, healthy ? null : "/health answered " + health.getStatus());
    } catch (Exception e) {
      return new Reading(null, false, "unreachable: " + e.getClass().getSimpleName());
    }
  }
}
