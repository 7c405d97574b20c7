package org.planbridge.planning.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
  public JsonObject page(PlanningCollection collection, Map<String, List<String>> parameters) throws SQLException {
    try (Connection connection = meters.of("reads").open(dataSource)) {
      Map<String, Column> columns = schema.columns(connection, collection.table());
      ReadQuery query = ReadQuery.parse(collection, columns.keySet(), parameters);
      Where where = Where.of(query);
      JsonArray items = rows(connection, query, columns, where, PlanningCollection::fieldOf, false);
      long total = count(connection, collection.table(), where, null);
      return Json.createObjectBuilder().add("items", items).add("total", total).add("offset", query.offset())
          .add("limit", query.limit()).build();
    }
  }

  /**
   * Every matching record, as the SDKs' {@code getAll()} reads them: a JSON array of model objects. Refused with
   * {@link ListTooLong} when more than {@code max} match and the client did not ask for fewer. With {@code page},
   * the JS SDK's paged form: {@code {"data": [...], "total": n}}.
   */
  public JsonStructure list(PlanningCollection collection, Map<String, List<String>> parameters, int max)
      throws SQLException {
    try (Connection connection = meters.of("reads").open(dataSource)) {
      Map<String, Column> columns = schema.columns(connection, collection.table());
      ReadQuery query = ReadQuery.list(collection, columns.keySet(), parameters, max);
      Where where = Where.of(query);
      if (query.page() != null) {
        JsonArray data = rows(connection, query, columns, where, collection::modelFieldOf, true);
        return Json.createObjectBuilder().add("data", data).add("total", count(connection, collection.table(), where,
            null)).build();
      }
      if (!parameters.containsKey(ReadQuery.LIMIT)) {
        long bounded = count(connection, collection.table(), where, (long) query.offset() + max + 1);
        if (bounded - query.offset() > max) {
          throw new ListTooLong(collection, max, PlanningCollection.filters(columns.keySet()));
        }
      }
      return rows(connection, query, columns, where, collection::modelFieldOf, true);
    }
  }

  private static JsonArray rows(Connection connection, ReadQuery query, Map<String, Column> columns, Where where,
      Function<String, String> fieldOf, boolean model) throws SQLException {
    List<Column> selected = List.copyOf(columns.values());
    List<String> fields = selected.stream().map(c -> fieldOf.apply(c.name())).toList();
    String sql = "SELECT " + selected.stream().map(Column::name).collect(Collectors.joining(", "))
        + " FROM " + query.collection().table() + where.sql() + " ORDER BY row_version LIMIT ? OFFSET ?";
    List<JsonObjectBuilder> rows = new ArrayList<>();
    List<Long> appointmentIds = new ArrayList<>();
    boolean appointments = query.collection() == PlanningCollection.APPOINTMENTS;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int next = where.bind(statement, 1);
      statement.setInt(next, query.limit());
      statement.setLong(next + 1, query.offset());
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          JsonObjectBuilder row = Json.createObjectBuilder();
          for (int i = 0; i < selected.size(); i++) {
            Snapshots.addRead(row, fields.get(i), Values.read(result, i + 1, selected.get(i)));
          }
          rows.add(row);
          if (appointments) {
            appointmentIds.add(result.getLong("appointment_id"));
          }
        }
      }
    }
    if (appointments) {
      attachResources(connection, appointmentIds, rows, model);
    }
    JsonArrayBuilder array = Json.createArrayBuilder();
    rows.forEach(array::add);
    return array.build();
  }

  /**
   * Each appointment's assigned resource numbers ({@code resources}, and in the SDK model also {@code resourceNo},
   * joined with ";" as the import takes them), read for a whole page at once.
   */
  private static void attachResources(Connection connection, List<Long> ids, List<JsonObjectBuilder> rows,
      boolean model) throws SQLException {
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
            byAppointment.computeIfAbsent(result.getLong(1), id -> new ArrayList<>()).add(result.getString(2));
          }
        }
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      List<String> resources = byAppointment.getOrDefault(ids.get(i), List.of());
      rows.get(i).add("resources", Json.createArrayBuilder(resources));
      if (model) {
        rows.get(i).add("resourceNo", String.join(";", resources));
      }
    }
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
