package io.kdp.sim.ws;

import io.kdp.client.auth.RequestSigner;
import io.kdp.sim.auth.SignatureVerifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The WebSocket endpoint {@code /trade-api/ws/v2}: the upgrade must carry a valid Kalshi signature
 * over {@code GET /trade-api/ws/v2} (401 otherwise); other requests fall through to {@code next}.
 */
public final class WsEndpoint {

  /** The WebSocket path. */
  public static final String PATH = "/trade-api/ws/v2";

  private WsEndpoint() {}

  public static Handler wrap(
      Server server, FanOut fanOut, SignatureVerifier verifier, Handler next) {
    WebSocketUpgradeHandler ws =
        WebSocketUpgradeHandler.from(
            server,
            container -> {
              container.setIdleTimeout(Duration.ofMinutes(10));
              container.setMaxTextMessageSize(1 << 20);
              container.addMapping(
                  PATH,
                  (req, resp, cb) -> {
                    var h = req.getHeaders();
                    String why =
                        verifier.check(
                            h.get(RequestSigner.KEY_HEADER),
                            h.get(RequestSigner.TIMESTAMP_HEADER),
                            h.get(RequestSigner.SIGNATURE_HEADER),
                            "GET",
                            PATH);
                    if (why != null) {
                      String body =
                          "{\"error\":{\"code\":\"authentication_error\",\"message\":\""
                              + why
                              + "\",\"service\":\"exchange\"}}";
                      resp.setStatus(401);
                      // RFC 9110 wants a challenge on 401; Jetty's client refuses the reply without
                      // one
                      resp.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "KALSHI-ACCESS-SIGNATURE");
                      resp.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                      resp.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), cb);
                      return null;
                    }
                    return fanOut.newSession();
                  });
            });
    ws.setHandler(next);
    return ws;
  }
}
