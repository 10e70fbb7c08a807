package io.kdp.sim.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdp.client.auth.RequestSigner;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.rest.wire.ErrorBody;
import io.kdp.client.rest.wire.ErrorEnvelope;
import io.kdp.sim.auth.SignatureVerifier;
import io.kdp.sim.world.World;
import java.nio.ByteBuffer;
import java.time.InstantSource;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kalshi's REST API under {@code /trade-api/v2}: routes each GET to its resource family, checks the
 * signature on the authenticated endpoints (the orderbooks), and answers refusals with Kalshi's
 * error body {@code {"error":{"code","message","service":"exchange"}}}.
 */
public final class RestRouter extends Handler.Abstract {

  /** The REST path prefix. */
  public static final String PREFIX = "/trade-api/v2";

  private static final Logger LOG = LoggerFactory.getLogger(RestRouter.class);
  private static final ObjectMapper JSON =
      KalshiJson.mapper()
          .copy()
          .setDefaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));

  private final SignatureVerifier verifier;
  private final RestGate gate;
  private final ExchangeApi exchange;
  private final MarketsApi markets;
  private final TradesApi trades;
  private final EventsApi events;
  private final SeriesApi series;

  public RestRouter(World world, InstantSource clock, SignatureVerifier verifier, RestGate gate) {
    this.verifier = verifier;
    this.gate = gate;
    this.exchange = new ExchangeApi(world, clock);
    this.markets = new MarketsApi(world, clock);
    this.trades = new TradesApi(world);
    this.events = new EventsApi(world, clock);
    this.series = new SeriesApi(world, clock);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    if (path == null || !path.startsWith(PREFIX + "/")) {
      return false;
    }
    int status = 200;
    Object body;
    try {
      String key = request.getHeaders().get(RequestSigner.KEY_HEADER);
      ApiException refused = gate.check(path, key != null ? key : Request.getRemoteAddr(request));
      if (refused != null) {
        throw refused;
      }
      if (!"GET".equals(request.getMethod())) {
        throw new ApiException(405, "method_not_allowed", "only GET is served by the simulator");
      }
      String[] seg = path.substring(PREFIX.length() + 1).split("/");
      Query q = new Query(Request.extractQueryParameters(request));
      body = route(seg, q, request, path);
    } catch (ApiException e) {
      status = e.status();
      body = new ErrorEnvelope(new ErrorBody(e.code(), e.getMessage(), null, "exchange"));
      if (e.retryAfterSeconds() > 0) {
        response
            .getHeaders()
            .put(new HttpField(HttpHeader.RETRY_AFTER, Integer.toString(e.retryAfterSeconds())));
      }
    } catch (RuntimeException e) {
      LOG.warn("REST {} failed", path, e);
      status = 500;
      body = new ErrorEnvelope(new ErrorBody("internal_error", "internal error", null, "exchange"));
    }
    write(response, status, body, callback);
    return true;
  }

  private Object route(String[] seg, Query q, Request request, String path) {
    String first = seg[0];
    int n = seg.length;
    switch (first) {
      case "exchange" -> {
        if (n == 2 && seg[1].equals("status")) {
          return exchange.status();
        }
        if (n == 2 && seg[1].equals("schedule")) {
          return exchange.schedule();
        }
      }
      case "historical" -> {
        if (n == 2 && seg[1].equals("cutoff")) {
          return exchange.cutoff();
        }
      }
      case "markets" -> {
        if (n == 1) {
          return markets.list(q);
        }
        if (n == 2 && seg[1].equals("trades")) {
          return trades.list(q);
        }
        if (n == 2 && seg[1].equals("orderbooks")) {
          authenticate(request, path);
          return markets.orderbooks(q);
        }
        if (n == 2) {
          return markets.get(seg[1]);
        }
        if (n == 3 && seg[2].equals("orderbook")) {
          authenticate(request, path);
          return markets.orderbook(seg[1], q);
        }
      }
      case "events" -> {
        if (n == 1) {
          return events.list(q);
        }
        if (n == 2) {
          return events.get(seg[1], q);
        }
      }
      case "series" -> {
        if (n == 1) {
          return series.list(q);
        }
        if (n == 2) {
          return series.get(seg[1], q);
        }
        if (n == 5 && seg[2].equals("markets") && seg[4].equals("candlesticks")) {
          return series.candlesticks(seg[1], seg[3], q);
        }
      }
      default -> {}
    }
    throw new ApiException(404, "not_found", "no such endpoint");
  }

  private void authenticate(Request request, String path) {
    var h = request.getHeaders();
    String why =
        verifier.check(
            h.get(RequestSigner.KEY_HEADER),
            h.get(RequestSigner.TIMESTAMP_HEADER),
            h.get(RequestSigner.SIGNATURE_HEADER),
            request.getMethod(),
            path);
    if (why != null) {
      throw new ApiException(401, "authentication_error", why);
    }
  }

  private static void write(Response response, int status, Object body, Callback callback) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      callback.failed(e);
      return;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
