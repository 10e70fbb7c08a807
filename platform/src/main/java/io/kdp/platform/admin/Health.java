package io.kdp.platform.admin;

import java.util.Map;

/**
 * What {@code /health} answers: 200 with {@code {"status":"UP",...}} when {@code up}, else 503 with
 * {@code "DOWN"}; {@code checks} names each part and its state, for a load balancer's log or {@code
 * systemctl status}.
 */
public record Health(boolean up, Map<String, String> checks) {

  public static Health of(Map<String, Boolean> parts) {
    Map<String, String> checks = new java.util.TreeMap<>();
    parts.forEach((k, v) -> checks.put(k, v ? "UP" : "DOWN"));
    return new Health(parts.values().stream().allMatch(Boolean::booleanValue), checks);
  }
}
