package io.kdp.client.auth;

/**
 * Signs a Kalshi request: RSA-PSS/SHA-256 over {@code timestamp_ms + METHOD + path} (path with
 * {@code /trade-api/...}, without the query). Used for REST calls and for the WebSocket upgrade
 * ({@code GET /trade-api/ws/v2}); a fresh timestamp every call.
 */
public interface RequestSigner {

  /** Header carrying the API key id. */
  String KEY_HEADER = "KALSHI-ACCESS-KEY";

  /** Header carrying the Unix-millisecond timestamp that was signed. */
  String TIMESTAMP_HEADER = "KALSHI-ACCESS-TIMESTAMP";

  /** Header carrying the base64 signature. */
  String SIGNATURE_HEADER = "KALSHI-ACCESS-SIGNATURE";

  /**
   * The three authentication headers for one request.
   *
   * @param method upper-case HTTP method, e.g. {@code GET}
   * @param path full URL path, e.g. {@code /trade-api/v2/markets/orderbooks}, no query string
   */
  AuthHeaders sign(String method, String path);

  /** The values of the three Kalshi authentication headers. Holds no key material. */
  record AuthHeaders(String keyId, String timestampMillis, String signature) {}
}
