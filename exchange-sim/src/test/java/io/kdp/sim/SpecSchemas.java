package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Kalshi's own spec files (copies in test resources) as JSON Schemas. OpenAPI 3.0's {@code
 * nullable: true} becomes a union with {@code null}; AsyncAPI's ticker pattern {@code ^[A-Z0-9-]+$}
 * is widened to allow dots, which real tickers (and its own examples) contain.
 */
final class SpecSchemas {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static SpecSchemas openApi;
  private static SpecSchemas asyncApi;

  private final ObjectNode root;
  private final String prefix;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private SpecSchemas(ObjectNode root, String prefix) {
    this.root = root;
    this.prefix = prefix;
  }

  static synchronized SpecSchemas openApi() {
    if (openApi == null) {
      openApi = new SpecSchemas(load("kalshi-reference/openapi.yaml"), "#/components/schemas/");
    }
    return openApi;
  }

  static synchronized SpecSchemas asyncApi() {
    if (asyncApi == null) {
      ObjectNode root = load("kalshi-reference/asyncapi.yaml");
      modernize(root);
      asyncApi = new SpecSchemas(root, "#/components/schemas/");
    }
    return asyncApi;
  }

  /** Asserts that {@code json} is valid against the named component schema. */
  void assertValid(String schemaName, String json) {
    List<Error> errors = schema(schemaName).validate(JSON.readTree(json));
    assertThat(errors).as("%s against %s", abbreviate(json), schemaName).isEmpty();
  }

  /** The component schema names of the spec. */
  List<String> names() {
    List<String> out = new ArrayList<>();
    root.path("components").path("schemas").propertyNames().forEach(out::add);
    return out;
  }

  private Schema schema(String name) {
    return schemas.computeIfAbsent(
        name,
        n -> {
          ObjectNode doc = root.deepCopy();
          doc.put("$ref", prefix + n);
          return registry.getSchema(doc);
        });
  }

  private static ObjectNode load(String resource) {
    try (InputStream in = SpecSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      ObjectNode root = (ObjectNode) YAMLMapper.builder().build().readTree(in);
      fix(root);
      return root;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void fix(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      if (obj.path("nullable").asBoolean(false)) {
        JsonNode type = obj.get("type");
        if (type != null && type.isString()) {
          ArrayNode union = obj.putArray("type");
          union.add(type.asString());
          union.add("null");
          if (obj.has("enum")) {
            ((ArrayNode) obj.get("enum")).addNull();
          }
        } else if (obj.has("$ref")) {
          String ref = obj.remove("$ref").asString();
          ArrayNode any = obj.putArray("anyOf");
          any.addObject().put("$ref", ref);
          any.addObject().put("type", "null");
        }
      }
      JsonNode pattern = obj.get("pattern");
      if (pattern != null && pattern.isString() && pattern.asString().equals("^[A-Z0-9-]+$")) {
        obj.put("pattern", "^[A-Z0-9.-]+$");
      }
      for (JsonNode child : obj.values()) {
        fix(child);
      }
    } else if (node instanceof ArrayNode arr) {
      for (JsonNode child : arr) {
        fix(child);
      }
    }
  }

  /**
   * The stored AsyncAPI copy still requires the integer-cent fields Kalshi retired ({@code price},
   * {@code delta}, {@code count}, ...; ../kalshi-api.md §4.2) and lists fewer lifecycle event types
   * and error codes than the current API; bring it to the current protocol.
   */
  private static void modernize(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      JsonNode required = obj.get("required");
      if (required instanceof ArrayNode arr) {
        ArrayNode kept = obj.putArray("required");
        for (JsonNode r : arr) {
          if (!LEGACY.contains(r.asString())) {
            kept.add(r);
          }
        }
      }
      JsonNode en = obj.get("enum");
      if (en instanceof ArrayNode arr && arr.toString().contains("close_date_updated")) {
        arr.add("price_level_structure_updated");
        arr.add("metadata_updated");
      }
      if (obj.path("description").asString("").startsWith("Error code identifying")) {
        obj.put("maximum", 28);
      }
      for (JsonNode child : obj.values()) {
        modernize(child);
      }
    } else if (node instanceof ArrayNode arr) {
      for (JsonNode child : arr) {
        modernize(child);
      }
    }
  }

  private static final java.util.Set<String> LEGACY =
      java.util.Set.of(
          "price",
          "yes_bid",
          "yes_ask",
          "volume",
          "open_interest",
          "delta",
          "yes_price",
          "no_price",
          "count");

  private static String abbreviate(String json) {
    return json.length() > 600 ? json.substring(0, 600) + "..." : json;
  }
}
