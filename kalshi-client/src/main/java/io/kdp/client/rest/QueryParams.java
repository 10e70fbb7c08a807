package io.kdp.client.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Query parameters in order; {@code null} values are left out, a collection becomes repeated
 * parameters ({@code tickers=A&tickers=B}) or one comma-joined value, as each endpoint wants.
 */
public final class QueryParams {

  private final List<Map.Entry<String, String>> entries = new ArrayList<>();

  public static QueryParams of() {
    return new QueryParams();
  }

  /** Adds {@code name=value} unless {@code value} is null. */
  public QueryParams with(String name, Object value) {
    if (value != null) {
      entries.add(Map.entry(name, value.toString()));
    }
    return this;
  }

  /** Adds {@code name=value} once per value. */
  public QueryParams repeated(String name, Collection<String> values) {
    if (values != null) {
      values.forEach(v -> with(name, v));
    }
    return this;
  }

  /** Adds {@code name=a,b,c} unless {@code values} is null or empty. */
  public QueryParams commaJoined(String name, Collection<String> values) {
    return values == null || values.isEmpty() ? this : with(name, String.join(",", values));
  }

  /** A copy with {@code cursor} added (if not null). */
  public QueryParams withCursor(String cursor) {
    QueryParams copy = new QueryParams();
    copy.entries.addAll(entries);
    return copy.with("cursor", cursor);
  }

  public List<Map.Entry<String, String>> entries() {
    return List.copyOf(entries);
  }

  /** {@code a=1&b=x%2Cy}, form-encoded; empty when there are no parameters. */
  public String encode() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : entries) {
      if (!sb.isEmpty()) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return encode();
  }
}
