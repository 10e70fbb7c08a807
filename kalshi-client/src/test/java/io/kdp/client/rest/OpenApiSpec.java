package io.kdp.client.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Kalshi's OpenAPI file, loaded with jackson-dataformat-yaml: response schemas of our endpoints,
 * the {@code example}/{@code examples} entries reachable from them, and a synthesised document per
 * schema (examples where the spec has them, typed placeholders elsewhere) that sets every property.
 */
final class OpenApiSpec {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  final JsonNode root;

  OpenApiSpec() throws Exception {
    try (InputStream in = OpenApiSpec.class.getResourceAsStream("/kalshi-reference/openapi.yaml")) {
      root = new YAMLMapper().readTree(in);
    }
  }

  /** The 200 response schema of {@code GET path}. */
  JsonNode okSchema(String path) {
    JsonNode op = root.path("paths").path(path).path("get");
    JsonNode schema =
        op.path("responses").path("200").path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException("no GET 200 schema for " + path);
    }
    return schema;
  }

  JsonNode schema(String name) {
    JsonNode s = root.path("components").path("schemas").path(name);
    if (s.isMissingNode()) {
      throw new IllegalArgumentException("no schema " + name);
    }
    return s;
  }

  /** A found example: the schema (or property) it belongs to and its value. */
  record Example(String where, JsonNode value) {}

  /** Every {@code example} and {@code examples} entry reachable from {@code schema}. */
  void collectExamples(
      JsonNode schema, String where, Map<String, Example> out, Deque<String> stack) {
    if (schema.has("$ref")) {
      String name = refName(schema);
      if (stack.contains(name)) {
        return;
      }
      stack.push(name);
      collectExamples(schema(name), name, out, stack);
      stack.pop();
      return;
    }
    if (schema.has("example")) {
      out.put(where, new Example(where, schema.get("example")));
    }
    if (schema.has("examples")) {
      Iterator<Map.Entry<String, JsonNode>> it = schema.get("examples").fields();
      it.forEachRemaining(e -> out.put(where + "#" + e.getKey(), new Example(where, e.getValue())));
    }
    schema
        .path("properties")
        .fields()
        .forEachRemaining(p -> collectExamples(p.getValue(), where + "." + p.getKey(), out, stack));
    if (schema.has("items")) {
      collectExamples(schema.get("items"), where + "[]", out, stack);
    }
    for (JsonNode part : schema.path("allOf")) {
      collectExamples(part, where, out, stack);
    }
  }

  /** A document for {@code schema} that sets every property. */
  JsonNode synthesise(JsonNode schema) {
    return synth(schema, "value", new ArrayDeque<>());
  }

  private JsonNode synth(JsonNode schema, String name, Deque<String> stack) {
    if (schema.has("$ref")) {
      String ref = refName(schema);
      if (stack.contains(ref)) {
        return null;
      }
      stack.push(ref);
      JsonNode v = synth(schema(ref), name, stack);
      stack.pop();
      return v;
    }
    if (schema.has("example")) {
      return schema.get("example");
    }
    if (schema.has("allOf")) {
      return synth(schema.get("allOf").get(0), name, stack);
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    String type = schema.path("type").asText("object");
    return switch (type) {
      case "object" -> {
        ObjectNode o = NODES.objectNode();
        schema
            .path("properties")
            .fields()
            .forEachRemaining(
                p -> {
                  JsonNode v = synth(p.getValue(), p.getKey(), stack);
                  if (v != null) {
                    o.set(p.getKey(), v);
                  }
                });
        if (o.isEmpty()) {
          o.put("free_form_key", "free-form value");
        }
        yield o;
      }
      case "array" -> {
        ArrayNode a = NODES.arrayNode();
        JsonNode item = synth(schema.get("items"), name, stack);
        if (item != null) {
          a.add(item);
        }
        yield a;
      }
      case "string" ->
          "date-time".equals(schema.path("format").asText())
              ? NODES.textNode("2026-05-01T14:03:11.123456Z")
              : NODES.textNode(name + "-text");
      case "integer" -> NODES.numberNode(1_746_108_000L);
      case "number" -> NODES.numberNode(new java.math.BigDecimal("59.99"));
      case "boolean" -> NODES.booleanNode(true);
      default -> throw new IllegalArgumentException("schema type " + type + " at " + name);
    };
  }

  static String refName(JsonNode schema) {
    String ref = schema.get("$ref").asText();
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  static List<String> propertyNames(JsonNode schema) {
    List<String> names = new java.util.ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }
}
