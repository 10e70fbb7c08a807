package io.kdp.sim.fault;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kdp.client.json.KalshiJson;
import io.kdp.sim.world.World;
import io.kdp.sim.ws.FanOut;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The simulator's own admin API (not Kalshi's), for tests and demos:
 *
 * <ul>
 *   <li>{@code POST /sim/admin/faults} with a fault SPEC as the body: applies it, answers {@code
 *       {"applied":[...]}} or 400 {@code {"error":...}}
 *   <li>{@code POST /sim/admin/faults/clear}: every fault off
 *   <li>{@code GET /sim/admin/status}: connections, messages emitted, exchange state, armed faults
 * </ul>
 */
public final class AdminHandler extends Handler.Wrapper {

  /** Path prefix of the admin API. */
  public static final String PREFIX = "/sim/admin/";

  private final FaultController faults;
  private final FanOut fanOut;
  private final World world;

  public AdminHandler(FaultController faults, FanOut fanOut, World world, Handler next) {
    this.faults = faults;
    this.fanOut = fanOut;
    this.world = world;
    setHandler(next);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    if (path == null || !path.startsWith(PREFIX)) {
      return super.handle(request, response, callback);
    }
    String what = path.substring(PREFIX.length());
    String method = request.getMethod();
    if (what.equals("faults") && method.equals("POST")) {
      String body = Content.Source.asString(request, StandardCharsets.UTF_8);
      try {
        List<String> applied = faults.apply(FaultSpec.parse(body));
        write(response, callback, 200, Map.of("applied", applied));
      } catch (IllegalArgumentException e) {
        write(response, callback, 400, Map.of("error", e.getMessage()));
      }
    } else if (what.equals("faults/clear") && method.equals("POST")) {
      faults.clear();
      write(response, callback, 200, Map.of("applied", List.of("clear")));
    } else if (what.equals("status") && method.equals("GET")) {
      Map<String, Object> status = new LinkedHashMap<>();
      world.locked(
          () -> {
            status.put("exchange_active", world.exchangeActive());
            status.put("messages_emitted", world.emittedCount());
            status.put("markets", world.markets().size());
          });
      status.put("connections", fanOut.connections());
      status.put("malformed_commands", fanOut.malformedCommands());
      status.put("faults", faults.state());
      write(response, callback, 200, status);
    } else {
      write(
          response,
          callback,
          404,
          Map.of("error", "no such admin endpoint: " + method + " " + path));
    }
    return true;
  }

  private static void write(Response response, Callback callback, int status, Object body)
      throws JsonProcessingException {
    byte[] bytes = KalshiJson.mapper().writeValueAsBytes(body);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
