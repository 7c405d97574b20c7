package org.planbridge.planning.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.planbridge.metrics.control.ConnectionMeters;
import org.planbridge.platform.control.Database;
import org.planbridge.platform.control.Jsons;

/**
 * Lists any planning collection with one SQL query built from the table's columns as the database describes them
 * (the metadata the import writes with), in {@code row_version} order, which is unique (one sequence) and only grows,
 * so pages are stable and a client can resume a feed from the last row it saw. Rows become JSON straight from the
 * result set: a page's fields are the columns' camelCase, a list's are the SDK model's names.
 */
@ApplicationScoped
// Reads join the boundary's transaction.
@Transactional(Transactional.TxType.MANDATORY)
public class PlanningReads {

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  @Inject PlanningSchema schema;
  @Inject ConnectionMeters meters;

  /** A page: {@code {"items": [...], "total": n, "offset": o, "limit": l}}; throws {@link BadParameter}. */
  public String page(PlanningCollection collection, Map<String, List<String>> parameters) throws SQLException {
    try (Connection connection = meters.of("reads").open(dataSource)) {
      Map<String, Column> columns = PlanningCollection.readable(schema.columns(connection, collection.table()));
      ReadQuery query = ReadQuery.parse(collection, columns.keySet(), parameters);
      Where where = Where.of(query);
      Rows rows = rows(connection, query, columns, where);
      long total = count(connection, collection.table(), where, null);
      return write(json -> {
        json.writeStartObject().writeKey("items");
        rows.write(json, PlanningCollection::fieldOf, false);
        json.write("total", total).write("offset", query.offset()).write("limit", query.limit()).writeEnd();
      });
    }
  }

  /**
   * A page's items alone, {@code {"items": [...]}}, in row-version order: for a reader that pages by row version
   * and asks for one more than it shows to know whether more follow, instead of counting every match each time.
   */
  public String items(PlanningCollection collection, Map<String, List<String>> parameters) throws SQLException {
    try (Connection connection = meters.of("reads").open(dataSource)) {
      Map<String, Column> columns = PlanningCollection.readable(schema.columns(connection, collection.table()));
      ReadQuery query = ReadQuery.slice(collection, columns.keySet(), parameters);
      Rows rows = rows(connection, query, columns, Where.of(query));
      return write(json -> {
        json.writeStartObject().writeKey("items");
        rows.write(json, PlanningCollection::fieldOf, false);
        json.writeEnd();
      });
    }
  }

  /**
   * Every matching record, as the SDKs' {@code getAll()} reads them: a JSON array of model objects. Refused with
   * {@link ListTooLong} when more than {@code max} match and the client did not ask for fewer. With {@code page},
   * the JS SDK's paged form: {@code {"data": [...], "total": n}}.
   */
  public String list(PlanningCollection collection, Map<String, List<String>> parameters, int max)
      throws SQLException {
    try (Connection connection = meters.of("reads").open(dataSource)) {
      Map<String, Column> columns = PlanningCollection.readable(schema.columns(connection, collection.table()));
      ReadQuery query = ReadQuery.list(collection, columns.keySet(), parameters, max);
      Where where = Where.of(query);
      if (query.page() != null) {
        Rows rows = rows(connection, query, columns, where);
        long total = count(connection, collection.table(), where, null);
        return write(json -> {
          json.writeStartObject().writeKey("data");
          rows.write(json, collection::modelFieldOf, true);
          json.write("total", total).writeEnd();
        });
      }
      if (!parameters.containsKey(ReadQuery.LIMIT)) {
        long bounded = count(connection, collection.table(), where, (long) query.offset() + max + 1);
        if (bounded - query.offset() > max) {
          throw new ListTooLong(collection, max, PlanningCollection.filters(columns.keySet()));
        }
      }
      Rows rows = rows(connection, query, columns, where);
      return write(json -> rows.write(json, collection::modelFieldOf, true));
    }
  }

  private static String write(java.util.function.Consumer<JsonGenerator> body) {
    StringWriter text = new StringWriter(8192);
    try (JsonGenerator json = Jsons.JSON.createGenerator(text)) {
      body.accept(json);
    }
    return text.toString();
  }

  /**
   * A page of rows as the database gave them, with each appointment's assigned resource numbers; written to JSON
   * straight from the values, a field left out where its value is null (as JSON-B wrote the entities before).
   * {@code idColumn} is where an appointment's id is in a row (-1 for other records).
   */
  record Rows(List<Column> columns, List<Object[]> values, Map<Long, List<String>> resources, int idColumn) {

    void write(JsonGenerator json, Function<String, String> fieldOf, boolean model) {
      List<String> fields = columns.stream().map(c -> fieldOf.apply(c.name())).toList();
      json.writeStartArray();
      for (Object[] row : values) {
        writeRow(json, fields, row, model);
      }
      json.writeEnd();
    }

    /** One row as an object, its fields named {@code fields} (one per column). */
    void writeRow(JsonGenerator json, List<String> fields, Object[] row, boolean model) {
      json.writeStartObject();
      for (int i = 0; i < row.length; i++) {
        Snapshots.writeRead(json, fields.get(i), row[i]);
      }
      if (resources != null) {
        List<String> assigned = resources.getOrDefault((Long) row[idColumn], List.of());
        json.writeStartArray("resources");
        assigned.forEach(json::write);
        json.writeEnd();
        if (model) {
          json.write("resourceNo", String.join(";", assigned));
        }
      }
      json.writeEnd();
    }
  }

  private static Rows rows(Connection connection, ReadQuery query, Map<String, Column> columns, Where where)
      throws SQLException {
    List<Object> values = new ArrayList<>(where.values());
    values.add(query.limit());
    values.add(query.offset());
    return select(connection, query.collection(), columns, where.sql() + " ORDER BY row_version LIMIT ? OFFSET ?",
        values);
  }

  /** The rows {@code tail} (a WHERE and ORDER BY clause with {@code values} as its parameters) selects. */
  static Rows select(Connection connection, PlanningCollection collection, Map<String, Column> columns,
      String tail, List<Object> values) throws SQLException {
    List<Column> selected = List.copyOf(columns.values());
    String sql = "SELECT " + selected.stream().map(Column::name).collect(Collectors.joining(", "))
        + " FROM " + collection.table() + tail;
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          Object[] row = new Object[selected.size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = Values.read(result, i + 1, selected.get(i));
          }
          rows.add(row);
        }
      }
    }
    if (collection != PlanningCollection.APPOINTMENTS) {
      return new Rows(selected, rows, null, -1);
    }
    int id = selected.indexOf(columns.get("appointment_id"));
    return new Rows(selected, rows, resources(connection, rows.stream().map(row -> (Long) row[id]).toList()), id);
  }

  /** The assigned resource numbers of a page of appointments, read for the whole page at once. */
  private static Map<Long, List<String>> resources(Connection connection, List<Long> ids) throws SQLException {
    Map<Long, List<String>> byAppointment = new TreeMap<>();
    for (int from = 0; from < ids.size(); from += PlanningWriter.KEY_CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + PlanningWriter.KEY_CHUNK));
      String sql = "SELECT appointment_id, resource_no FROM assignment WHERE appointment_id IN ("
          + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY resource_no";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          statement.setLong(i + 1, chunk.get(i));
        }
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            byAppointment.computeIfAbsent(result.getLong(1), key -> new ArrayList<>()).add(result.getString(2));
          }
        }
      }
    }
    return byAppointment;
  }

  /** How many rows match; with a bound, counting stops there. */
  private static long count(Connection connection, String table, Where where, Long bound) throws SQLException {
    String sql = bound == null ? "SELECT COUNT(*) FROM " + table + where.sql()
        : "SELECT COUNT(*) FROM (SELECT 1 FROM " + table + where.sql() + " LIMIT ?) bounded";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int next = where.bind(statement, 1);
      if (bound != null) {
        statement.setLong(next, bound);
      }
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /** The WHERE clause of a query: its key filters, then the change-feed bounds. */
  private record Where(String sql, List<Object> values) {

    static Where of(ReadQuery query) {
      List<String> parts = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      query.filters().forEach((filter, value) -> {
        parts.add(PlanningCollection.columnOf(filter) + " = ?");
        values.add(value);
      });
      if (query.changedSince() != null) {
        parts.add("updated_at > ?");
        values.add(query.changedSince());
      }
      if (query.sinceRowVersion() != null) {
        parts.add("row_version > ?");
        values.add(query.sinceRowVersion());
      }
      if (query.endDate() != null) {
        parts.add("start_time < ?");
        values.add(query.endDate());
      }
      if (query.startDate() != null) {
        parts.add("end_time > ?");
        values.add(query.startDate());
      }
      if (!query.resources().isEmpty()) {
        // Resource numbers; a whole number may also be a resource's id, which is what the JS SDK sends.
        List<Long> ids = query.resources().stream().filter(r -> r.matches("\\d{1,18}")).map(Long::valueOf).toList();
        String numbers = String.join(", ", Collections.nCopies(query.resources().size(), "?"));
        String byId = ids.isEmpty() ? "" : " OR r.id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        parts.add("appointment_id IN (SELECT a.appointment_id FROM assignment a JOIN resource r"
            + " ON r.resource_no = a.resource_no WHERE a.resource_no IN (" + numbers + ")" + byId + ")");
        values.addAll(query.resources());
        values.addAll(ids);
      }
      return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), values);
    }

    int bind(PreparedStatement statement, int first) throws SQLException {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(first + i, values.get(i));
      }
      return first + values.size();
    }
  }
}
