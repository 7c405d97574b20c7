package org.planbridge.planning.boundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.planbridge.planning.control.Column;
import org.planbridge.planning.control.PlanningCollection;
import org.planbridge.planning.control.ReadQuery;
import org.planbridge.testing.MigratedSchema;

/**
 * The OpenAPI description of the planning reads ({@code src/main/resources/META-INF/openapi.yaml}), built from the
 * one description of each collection ({@link PlanningCollection}) and its table's columns as the database describes
 * them after PlanBridge's own migrations, so that a new column or collection is described without writing a line of
 * OpenAPI. The servers merge this static document with what they scan from the annotations of the other routes; a
 * static file is read alike by every MicroProfile OpenAPI version (a model reader or filter compiled against one
 * version's model interfaces may not load on another's). {@link ReadApiDocumentTest} fails when the committed file
 * is not what this builds, and writes it when asked to.
 */
final class ReadApiDocument {

  static final String PROBLEM = "application/problem+json";

  private ReadApiDocument() {}

  static String yaml() {
    Map<String, Object> paths = new LinkedHashMap<>();
    Map<String, Object> schemas = new LinkedHashMap<>();
    for (PlanningCollection collection : PlanningCollection.values()) {
      Map<String, Column> columns = PlanningCollection.readable(MigratedSchema.columns(collection.table()));
      String name = schemaName(collection);
      schemas.put(name, row(collection, columns, PlanningCollection::fieldOf, false));
      schemas.put(name + "Model", row(collection, columns, collection::modelFieldOf, true));
      schemas.put(name + "Page", page(collection, name));
      paths.put("/api/" + collection.path(), map("get", pageOperation(collection, columns, name)));
      paths.put("/api/" + collection.route(), map("get", listOperation(collection, columns, name)));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("openapi", "3.0.3");
    document.put("info", map("title", "PlanBridge API", "version", "0.1"));
    document.put("paths", paths);
    document.put("components", map("schemas", schemas));
    StringBuilder yaml = new StringBuilder("# Built by ReadApiDocument (src/test) from PlanningCollection and the migrated "
        + "schema; do not edit.\n# ./mvnw -o test -Dtest=ReadApiDocumentTest -Dopenapi.write=true writes it again.\n");
    write(yaml, document, 0);
    return yaml.toString();
  }

  /** {@code Job} for jobs, {@code TimeMarker} for time markers: the table's name in PascalCase. */
  static String schemaName(PlanningCollection collection) {
    String field = PlanningCollection.fieldOf(collection.table());
    return Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }

  private static Map<String, Object> pageOperation(PlanningCollection collection, Map<String, Column> columns,
      String name) {
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("tags", List.of("Planning reads"));
    operation.put("operationId", "page" + name);
    operation.put("summary", "A page of " + words(collection.path()));
    operation.put("description", "Rows in ascending row version order (stable paging). Filters are exact matches and"
        + " combine with AND; a parameter the collection does not take is answered with 400.");
    operation.put("parameters", parameters(columns, ReadQuery.DEFAULT_LIMIT, ReadQuery.MAX_LIMIT));
    operation.put("responses", map(
        "200", response("A page of " + words(collection.path()), "application/json", ref(name + "Page")),
        "400", response("A query parameter is not valid; the problem details name it", PROBLEM, null),
        "401", response("Missing or invalid X-API-KEY", PROBLEM, null)));
    return operation;
  }

  private static Map<String, Object> listOperation(PlanningCollection collection, Map<String, Column> columns,
      String name) {
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("tags", List.of("SDK lists"));
    operation.put("operationId", "list" + name);
    operation.put("summary", "Every matching " + words(collection.route()) + " as the SDKs' getAll() reads them");
    operation.put("description", "A JSON array of SDK model objects in row version order. The same query parameters"
        + " as the page narrow it; without a limit, a list longer than PLANBRIDGE_API_LIST_MAX (10,000) is refused"
        + " with 400, in the SDK envelope.");
    operation.put("parameters", parameters(columns, null, null));
    operation.put("responses", map(
        "200", response("The records", "application/json", map("type", "array", "items", ref(name + "Model"))),
        "400", response("A query parameter is not valid, or the list is too long (the SDK envelope says which)",
            "application/json", null),
        "401", response("Missing or invalid X-API-KEY", PROBLEM, null)));
    return operation;
  }

  private static List<Object> parameters(Map<String, Column> columns, Integer defaultLimit, Integer maxLimit) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(query(ReadQuery.OFFSET, "Rows to skip.", map("type", "integer", "format", "int32", "minimum", 0,
        "default", 0)));
    Map<String, Object> limit = map("type", "integer", "format", "int32", "minimum", 1);
    if (maxLimit != null) {
      limit.put("maximum", maxLimit);
      limit.put("default", defaultLimit);
    }
    parameters.add(query(ReadQuery.LIMIT, maxLimit == null ? "At most this many rows." : "Rows per page.", limit));
    parameters.add(query(ReadQuery.CHANGED_SINCE, "Only rows updated after this ISO-8601 timestamp with an offset"
        + " (2024-05-01T08:00:00Z).", map("type", "string", "format", "date-time")));
    parameters.add(query(ReadQuery.SINCE_ROW_VERSION, "Only rows with a greater row version: the change feed,"
        + " resumed from the last row seen.", map("type", "integer", "format", "int64", "minimum", 0)));
    for (String filter : PlanningCollection.filters(columns.keySet())) {
      parameters.add(query(filter, "Exact " + words(filter) + ".", map("type", "string")));
    }
    if (ReadQuery.accepted(columns.keySet()).contains(ReadQuery.START_DATE)) {
      parameters.add(query(ReadQuery.START_DATE, "Only appointments ending after this ISO-8601 timestamp.",
          map("type", "string", "format", "date-time")));
      parameters.add(query(ReadQuery.END_DATE, "Only appointments starting before this ISO-8601 timestamp.",
          map("type", "string", "format", "date-time")));
      Map<String, Object> resources = query(ReadQuery.RESOURCES, "Only appointments assigned to one of these"
          + " resources: resource numbers, or resource ids (the JS SDK sends ids); repeat the parameter for more.",
          map("type", "array", "items", map("type", "string")));
      resources.put("explode", true);
      parameters.add(resources);
    }
    return parameters;
  }

  private static Map<String, Object> row(PlanningCollection collection, Map<String, Column> columns,
      Function<String, String> fieldOf, boolean model) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    columns.values().forEach(column -> {
      String field = fieldOf.apply(column.name());
      properties.put(field, property(column));
      if (!column.nullable()) {
        required.add(field);
      }
    });
    if (collection == PlanningCollection.APPOINTMENTS) {
      properties.put("resources", map("type", "array", "items", map("type", "string"),
          "description", "The numbers of the assigned resources."));
      required.add("resources");
      if (model) {
        properties.put("resourceNo", map("type", "string", "description", "The same numbers, joined with ';'."));
      }
    }
    return map("type", "object", "required", required, "properties", properties);
  }

  private static Map<String, Object> property(Column column) {
    Map<String, Object> property = new LinkedHashMap<>();
    if (column.isText()) {
      property.put("type", "string");
      if (column.hasLengthLimit()) {
        property.put("maxLength", column.size());
      }
    } else if (column.isUuid()) {
      property.putAll(map("type", "string", "format", "uuid"));
    } else if (column.isTimestamp()) {
      property.putAll(map("type", "string", "format", "date-time"));
    } else if (column.isBoolean()) {
      property.put("type", "boolean");
    } else if (column.isLong()) {
      property.putAll(map("type", "integer", "format", "int64"));
    } else if (column.isInteger()) {
      property.putAll(map("type", "integer", "format", "int32"));
    } else if (column.isDecimal()) {
      property.put("type", "number");
    } else {
      throw new IllegalStateException("no OpenAPI type for " + column);
    }
    if (column.nullable()) {
      property.put("nullable", true);
    }
    return property;
  }

  private static Map<String, Object> page(PlanningCollection collection, String name) {
    return map("type", "object", "description", "total counts the rows matching the filters in all pages; items are"
            + " one page of " + words(collection.path()) + ".",
        "required", List.of("items", "total", "offset", "limit"),
        "properties", map("items", map("type", "array", "items", ref(name)),
            "total", map("type", "integer", "format", "int64"), "offset", map("type", "integer", "format", "int32"),
            "limit", map("type", "integer", "format", "int32")));
  }

  private static Map<String, Object> query(String name, String description, Map<String, Object> schema) {
    return map("name", name, "in", "query", "description", description, "schema", schema);
  }

  private static Map<String, Object> response(String description, String mediaType, Map<String, Object> schema) {
    return map("description", description, "content", map(mediaType, schema == null ? map() : map("schema", schema)));
  }

  private static Map<String, Object> ref(String schema) {
    return map("$ref", "#/components/schemas/" + schema);
  }

  /** {@code timeMarkers} as "time markers", {@code sourceApp} as "source app". */
  private static String words(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  private static void write(StringBuilder yaml, Object value, int indent) {
    String pad = " ".repeat(indent);
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
        yaml.append(pad).append(key(entry.getKey())).append(':');
        block(yaml, entry.getValue(), indent);
      }
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        yaml.append(pad).append('-');
        if (item instanceof Map<?, ?> map && !map.isEmpty()) {
          StringBuilder nested = new StringBuilder();
          write(nested, item, indent + 2);
          yaml.append(' ').append(nested.substring(indent + 2));
        } else {
          block(yaml, item, indent);
        }
      }
    }
  }

  private static void block(StringBuilder yaml, Object value, int indent) {
    if (value instanceof Map<?, ?> map && !map.isEmpty() || value instanceof List<?> list && !list.isEmpty()) {
      yaml.append('\n');
      write(yaml, value, indent + 2);
    } else if (value instanceof Map<?, ?>) {
      yaml.append(" {}\n");
    } else if (value instanceof List<?>) {
      yaml.append(" []\n");
    } else {
      yaml.append(' ').append(scalar(value)).append('\n');
    }
  }

  /** A plain name as it is; any other key ({@code /api/jobs}, {@code $ref}, {@code 200}) quoted. */
  private static String key(String key) {
    return key.matches("[A-Za-z][A-Za-z0-9]*") ? key : scalar(key);
  }

  /** Numbers and booleans as they are; every string double-quoted, so that YAML never reads it as anything else. */
  private static String scalar(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String text = value.toString();
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
