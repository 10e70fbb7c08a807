package io.kdp.sim.rest;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.util.Fields;

/** Typed access to a request's query parameters; bad values become 400s naming the parameter. */
final class Query {

  private final Fields fields;

  Query(Fields fields) {
    this.fields = fields;
  }

  /** The value, or null when absent or empty. */
  String string(String name) {
    String v = fields.getValue(name);
    return v == null || v.isEmpty() ? null : v;
  }

  /** Every value of a repeated parameter, each also split on commas. */
  List<String> list(String name) {
    List<String> out = new ArrayList<>();
    List<String> values = fields.getValues(name);
    if (values == null) {
      return out;
    }
    for (String v : values) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  Long longValue(String name) {
    String v = string(name);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be an integer");
    }
  }

  /** An integer in [min, max], or {@code dflt} when absent. */
  int intValue(String name, int dflt, int min, int max) {
    Long v = longValue(name);
    if (v == null) {
      return dflt;
    }
    if (v < min || v > max) {
      throw ApiException.badRequest(name + " must be between " + min + " and " + max);
    }
    return v.intValue();
  }

  boolean bool(String name) {
    String v = string(name);
    if (v == null) {
      return false;
    }
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.badRequest(name + " must be true or false");
    };
  }

  /** A page size: 1..max (0 or absent means the default). */
  int limit(int dflt, int max) {
    int v = intValue("limit", dflt, 0, max);
    return v == 0 ? dflt : v;
  }
}
