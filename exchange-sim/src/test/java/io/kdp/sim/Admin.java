package io.kdp.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the simulator's admin API. */
final class Admin {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private Admin() {}

  /** POSTs a fault SPEC to {@code /sim/admin/faults}; returns status and body. */
  static Http.Reply faults(ExchangeSimulator sim, String spec) {
    return post(sim.adminBase().resolve("faults"), spec);
  }

  static Http.Reply post(URI uri, String body) {
    try {
      HttpResponse<String> r =
          CLIENT.send(
              HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Http.Reply(r.statusCode(), r.body(), null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String status(ExchangeSimulator sim) {
    try {
      return CLIENT
          .send(
              HttpRequest.newBuilder(sim.adminBase().resolve("status")).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
