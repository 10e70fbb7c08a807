package io.kdp.client.config;

import java.net.URI;
import java.util.Objects;

/**
 * Where the client talks to: Kalshi's production or demo hosts, or a custom host such as the
 * exchange simulator. The REST base URL ends in {@code /trade-api/v2}; its path is part of every
 * signed path. The WebSocket URL is signed as {@code GET} + its path.
 *
 * @param name short name for logs ({@code production}, {@code demo}, {@code custom})
 * @param restBaseUrl e.g. {@code https://external-api.kalshi.com/trade-api/v2}
 * @param webSocketUrl e.g. {@code wss://external-api-ws.kalshi.com/trade-api/ws/v2}
 */
public record KalshiEnvironment(String name, URI restBaseUrl, URI webSocketUrl) {

  /** REST path prefix on every Kalshi host. */
  public static final String REST_PATH = "/trade-api/v2";

  /** WebSocket path on every Kalshi host. */
  public static final String WS_PATH = "/trade-api/ws/v2";

  /** Kalshi production. */
  public static final KalshiEnvironment PRODUCTION =
      new KalshiEnvironment(
          "production",
          URI.create("https://external-api.kalshi.com" + REST_PATH),
          URI.create("wss://external-api-ws.kalshi.com" + WS_PATH));

  /** Kalshi's demo exchange (separate credentials from production). */
  public static final KalshiEnvironment DEMO =
      new KalshiEnvironment(
          "demo",
          URI.create("https://external-api.demo.kalshi.co" + REST_PATH),
          URI.create("wss://external-api-ws.demo.kalshi.co" + WS_PATH));

  public KalshiEnvironment {
    Objects.requireNonNull(name, "name");
    requireScheme(restBaseUrl, "restBaseUrl", "http", "https");
    requireScheme(webSocketUrl, "webSocketUrl", "ws", "wss");
    String restPath = restBaseUrl.getRawPath();
    if (restPath.endsWith("/")) {
      throw new IllegalArgumentException("restBaseUrl must not end with '/': " + restBaseUrl);
    }
    if (restBaseUrl.getRawQuery() != null || webSocketUrl.getRawQuery() != null) {
      throw new IllegalArgumentException("base URLs carry no query string");
    }
  }

  /**
   * A custom host that serves Kalshi's paths, such as the simulator: {@code
   * custom(URI.create("http://127.0.0.1:8700"))} gives {@code http://127.0.0.1:8700/trade-api/v2}
   * and {@code ws://127.0.0.1:8700/trade-api/ws/v2}; {@code https} maps to {@code wss}.
   */
  public static KalshiEnvironment custom(URI host) {
    String scheme = host.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("custom host must be http:// or https://: " + host);
    }
    if (host.getHost() == null) {
      throw new IllegalArgumentException("custom host has no host name: " + host);
    }
    String path = host.getRawPath() == null ? "" : host.getRawPath();
    if (!path.isEmpty() && !path.equals("/") && !path.equals(REST_PATH)) {
      throw new IllegalArgumentException(
          "custom host takes no path (the client adds " + REST_PATH + "): " + host);
    }
    String authority = host.getRawAuthority();
    String ws = "https".equals(scheme) ? "wss" : "ws";
    return new KalshiEnvironment(
        "custom",
        URI.create(scheme + "://" + authority + REST_PATH),
        URI.create(ws + "://" + authority + WS_PATH));
  }

  /** The simulator (or any Kalshi-compatible server) on {@code http://127.0.0.1:port}. */
  public static KalshiEnvironment localhost(int port) {
    return custom(URI.create("http://127.0.0.1:" + port));
  }

  /**
   * The path that is signed and sent for an endpoint: {@code restPath("/markets")} is {@code
   * /trade-api/v2/markets}.
   */
  public String restPath(String endpoint) {
    return restBaseUrl.getRawPath() + endpoint;
  }

  private static void requireScheme(URI uri, String what, String... schemes) {
    Objects.requireNonNull(uri, what);
    for (String s : schemes) {
      if (s.equals(uri.getScheme()) && uri.getHost() != null) {
        return;
      }
    }
    throw new IllegalArgumentException(
        what + " must be an absolute " + String.join("/", schemes) + " URL: " + uri);
  }
}
