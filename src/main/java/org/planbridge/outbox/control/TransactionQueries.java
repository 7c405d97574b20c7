package org.planbridge.outbox.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.planbridge.platform.control.Database;
import org.planbridge.platform.control.Like;
import org.planbridge.platform.control.Jsons;

/** What administrators read and do with transactions: lists, one with its attempts, retry, archive. */
@ApplicationScoped
public class TransactionQueries {

  static final String ITEM_COLUMNS = "id, appointment_id, appointment_guid, source_app, source_type, job_no, "
      + "task_no, action, sequence, status, source, attempts, message, created_at, last_attempt_at, retry_at, archived";

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  public JsonObject list(TransactionFilter filter, String sort, int offset, int limit) throws SQLException {
    JsonArrayBuilder items = Jsons.JSON.createArrayBuilder();
    page(filter, sort, offset, limit).forEach(items::add);
    return Jsons.JSON.createObjectBuilder().add("items", items).add("total", count(filter)).build();
  }

  /**
   * One page of {@link #list}'s items, without counting them all; each with the back-office system its Source App's
   * connector has now ({@code backOfficeSystem}, null without one).
   */
  public List<JsonObject> page(TransactionFilter filter, String sort, int offset, int limit) throws SQLException {
    List<Object> parameters = new ArrayList<>();
    String where = filter.where(parameters);
    List<JsonObject> items = items("SELECT " + ITEM_COLUMNS + " FROM appointment_transaction" + where
        + TransactionFilter.orderBy(sort) + " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY",
        parameters, false);
    Map<String, String> systems = backOfficeSystems(items.stream().map(item -> item.getString("sourceApp"))
        .distinct().toList());
    return items.stream().map(item -> {
      String system = systems.get(item.getString("sourceApp"));
      return system == null ? Jsons.JSON.createObjectBuilder(item).addNull("backOfficeSystem").build()
          : Jsons.JSON.createObjectBuilder(item).add("backOfficeSystem", system).build();
    }).toList();
  }

  /** The back-office system of each of these Source Apps' connectors (those that have one). */
  private Map<String, String> backOfficeSystems(List<String> sourceApps) throws SQLException {
    Map<String, String> systems = new java.util.HashMap<>();
    if (sourceApps.isEmpty()) {
      return systems;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT source_app, back_office_system FROM connector "
            + "WHERE source_app IN (" + String.join(", ", java.util.Collections.nCopies(sourceApps.size(), "?"))
            + ")")) {
      bind(query, new ArrayList<>(sourceApps));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          if (rows.getString(2) != null) {
            systems.put(rows.getString(1), rows.getString(2));
          }
        }
      }
    }
    return systems;
  }

  /** How many transactions {@link #list} has for {@code filter}, without reading a page of them. */
  public long count(TransactionFilter filter) throws SQLException {
    List<Object> parameters = new ArrayList<>();
    return count("SELECT COUNT(*) FROM appointment_transaction" + filter.where(parameters), parameters);
  }

  /**
   * Each appointment with its latest transaction, when that transaction matches {@code filter}: the item of the
   * transaction with the appointment's subject, start, end and resources as its snapshot has them. Sorted on
   * {@code lastTransaction} (the default, newest first: {@code -lastTransaction}), {@code appointmentId},
   * {@code sourceApp}, {@code jobNo}, {@code taskNo}, {@code status} (the latest transaction's), or the appointment's
   * {@code subject}, {@code start} or {@code end}.
   */
  public JsonObject appointments(TransactionFilter filter, String sort, int offset, int limit) throws SQLException {
    JsonArrayBuilder items = Jsons.JSON.createArrayBuilder();
    appointmentPage(filter, AppointmentMatch.ANY, sort, offset, limit).forEach(items::add);
    return Jsons.JSON.createObjectBuilder().add("items", items).add("total", appointmentCount(filter, AppointmentMatch.ANY))
        .build();
  }

  public List<JsonObject> appointmentPage(TransactionFilter filter, AppointmentMatch match, String sort, int offset,
      int limit) throws SQLException {
    List<Object> parameters = new ArrayList<>();
    String order = appointmentOrder(sort);
    return items("SELECT t.* " + latest(filter, match, parameters, ITEM_COLUMNS + ", payload") + order + " OFFSET "
        + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY", parameters, true);
  }

  /** How many appointments {@link #appointmentPage} has for {@code filter} and {@code match}. */
  public long appointmentCount(TransactionFilter filter, AppointmentMatch match) throws SQLException {
    List<Object> parameters = new ArrayList<>();
    return count("SELECT COUNT(*) " + latest(filter, match, parameters, "appointment_id"), parameters);
  }

  /**
   * FROM the latest transactions {@code filter} matches (as {@code t}, with {@code columns}) and their appointments
   * ({@code a}: subject, times), WHERE {@code match} holds; the index {@code (latest, id)} gives the first. Nothing
   * of {@code a} asked for, PostgreSQL leaves the join out.
   */
  private static String latest(TransactionFilter filter, AppointmentMatch match, List<Object> parameters,
      String columns) {
    String from = "FROM (SELECT " + columns + " FROM appointment_transaction" + filter.where(parameters)
        + " AND latest = TRUE) t LEFT JOIN appointment a ON a.appointment_id = t.appointment_id";
    List<String> conditions = new ArrayList<>();
    if (match.subject() != null && !match.subject().isBlank()) {
      conditions.add(Like.condition("a.subject"));
      parameters.add(Like.containing(match.subject()));
    }
    if (match.resourceNo() != null && !match.resourceNo().isBlank()) {
      conditions.add("EXISTS (SELECT 1 FROM assignment s WHERE s.appointment_id = t.appointment_id "
          + "AND s.resource_no = ?)");
      parameters.add(match.resourceNo().trim());
    }
    return from + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
  }

  static final Map<String, String> APPOINTMENT_SORTS = Map.of("lastTransaction", "t.id", "appointmentId",
      "t.appointment_id", "sourceApp", "t.source_app", "jobNo", "t.job_no", "taskNo", "t.task_no", "status",
      "t.status", "subject", "a.subject", "start", "a.start_time", "end", "a.end_time");

  static String appointmentOrder(String sort) {
    return TransactionFilter.orderBy(sort, APPOINTMENT_SORTS, "-lastTransaction", "t.id");
  }

  private List<JsonObject> items(String sql, List<Object> parameters, boolean withSnapshot) throws SQLException {
    List<JsonObject> items = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      bind(query, parameters);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          items.add(withSnapshot ? withAppointment(item(rows), rows.getString("payload")) : item(rows));
        }
      }
    }
    return items;
  }

  /** {@code item} with the subject, start, end and resources of the appointment its payload carries. */
  private static JsonObject withAppointment(JsonObject item, String payload) {
    JsonObject appointment = Jsons.JSON.createReader(new StringReader(payload)).readObject().getJsonObject("appointment");
    JsonObjectBuilder with = Jsons.JSON.createObjectBuilder(item);
    for (String field : new String[] {"subject", "start", "end"}) {
      if (appointment != null && appointment.get(field) instanceof jakarta.json.JsonString value) {
        with.add(field, value.getString());
      } else {
        with.addNull(field);
      }
    }
    with.add("resources", appointment != null && appointment.get("resources") instanceof jakarta.json.JsonArray
        resources ? resources : jakarta.json.JsonValue.EMPTY_JSON_ARRAY);
    return with.build();
  }

  private long count(String sql, List<Object> parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count = connection.prepareStatement(sql)) {
      bind(count, parameters);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  public Optional<JsonObject> get(long id) throws SQLException {
    JsonObjectBuilder transaction;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT " + ITEM_COLUMNS
            + ", payload, changed_at, next_attempt_at, claimed_by, lease_until FROM appointment_transaction WHERE id = ?")) {
      query.setLong(1, id);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        transaction = Jsons.JSON.createObjectBuilder(item(row))
            .add("payload", Jsons.JSON.createReader(new StringReader(row.getString("payload"))).readObject());
        time(transaction, "changedAt", row.getObject("changed_at"));
        time(transaction, "nextAttemptAt", row.getObject("next_attempt_at"));
        text(transaction, "claimedBy", row.getString("claimed_by"));
        time(transaction, "leaseUntil", row.getObject("lease_until"));
      }
    }
    List<JsonObject> attempts = attempts(List.of(id)).getOrDefault(id, List.of());
    JsonArrayBuilder list = Jsons.JSON.createArrayBuilder();
    attempts.forEach(list::add);
    transaction.add("attempts", list);
    attempts.stream().filter(attempt -> attempt.containsKey("connectorId")).reduce((first, last) -> last)
        .ifPresent(last -> transaction.add("connectorId", last.getJsonNumber("connectorId")));
    return Optional.of(transaction.build());
  }

  /**
   * Each of these appointments' newest transaction, as {@link #list}'s items are, read in queries of 500
   * appointments; an appointment without one is not in the answer.
   */
  public Map<Long, JsonObject> latest(List<Long> appointmentIds) throws SQLException {
    Map<Long, JsonObject> latest = new LinkedHashMap<>();
    for (int from = 0; from < appointmentIds.size(); from += 500) {
      List<Object> chunk = new ArrayList<>(appointmentIds.subList(from, Math.min(appointmentIds.size(), from + 500)));
      String ids = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      // latest marks each appointment's newest (V15); the unique (appointment_id, sequence) finds their rows
      for (JsonObject item : items("SELECT " + ITEM_COLUMNS + " FROM appointment_transaction WHERE appointment_id IN ("
          + ids + ") AND latest = TRUE", chunk, false)) {
        latest.put(item.getJsonNumber("appointmentId").longValue(), item);
      }
    }
    return latest;
  }

  /**
   * The attempts of each of these transactions, oldest first, in one query: when, how long, status, message, stack
   * trace, connector (id and name) and instance.
   */
  public Map<Long, List<JsonObject>> attempts(List<Long> transactionIds) throws SQLException {
    Map<Long, List<JsonObject>> attempts = new LinkedHashMap<>();
    if (transactionIds.isEmpty()) {
      return attempts;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT a.transaction_id, a.started_at, a.duration_ms, "
            + "a.status, a.message, a.stack_trace, a.connector_id, a.instance, c.name FROM transaction_attempt a "
            + "LEFT JOIN connector c ON c.id = a.connector_id WHERE a.transaction_id IN ("
            + String.join(", ", java.util.Collections.nCopies(transactionIds.size(), "?")) + ") ORDER BY a.id")) {
      bind(query, new ArrayList<>(transactionIds));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          JsonObjectBuilder attempt = Jsons.JSON.createObjectBuilder();
          time(attempt, "startedAt", rows.getObject(2));
          attempt.add("durationMs", rows.getLong(3)).add("status", rows.getString(4));
          text(attempt, "message", rows.getString(5));
          text(attempt, "stackTrace", rows.getString(6));
          long connector = rows.getLong(7);
          if (!rows.wasNull()) {
            attempt.add("connectorId", connector);
            text(attempt, "connectorName", rows.getString(9));
          }
          attempt.add("instance", rows.getString(8));
          attempts.computeIfAbsent(rows.getLong(1), unused -> new ArrayList<>()).add(attempt.build());
        }
      }
    }
    return attempts;
  }

  /** At most this many transactions are counted per question, so that a dashboard stays fast on any backlog. */
  public static final int COUNTED = 100_000;

  /**
   * Per Source App, how many transactions need attention ({@link TransactionFilter#ERRORS}, not archived), most first;
   * read through the index on status, at most {@link #COUNTED} rows (beyond, the counts stop there).
   */
  public Map<String, Long> needingAttention() throws SQLException {
    List<Object> parameters = new ArrayList<>();
    String where = new TransactionFilter(null, null, null, null, null, null, null, false, TransactionFilter.ERRORS)
        .where(parameters);
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT source_app, COUNT(*) FROM (SELECT source_app "
            + "FROM appointment_transaction" + where + " FETCH FIRST " + COUNTED + " ROWS ONLY) failing "
            + "GROUP BY source_app ORDER BY COUNT(*) DESC, source_app")) {
      bind(query, parameters);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return counts;
  }

  /**
   * Delivery attempts per status in each of the {@code hours} whole hours (UTC) from {@code from} on: per status (in
   * {@link Status}' order, only those that occur), one count per hour. Counted in the database over the attempts'
   * index on their start.
   */
  public Map<Status, long[]> attemptsPerHour(Instant from, int hours) throws SQLException {
    long first = from.getEpochSecond() / 3600;
    Map<Status, long[]> counts = new java.util.EnumMap<>(Status.class);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT FLOOR(EXTRACT(EPOCH FROM started_at) / 3600) "
            + "AS bucket, status, COUNT(*) FROM transaction_attempt WHERE started_at >= ? AND started_at < ? "
            + "GROUP BY FLOOR(EXTRACT(EPOCH FROM started_at) / 3600), status")) {
      query.setObject(1, OffsetDateTime.ofInstant(Instant.ofEpochSecond(first * 3600), ZoneOffset.UTC));
      query.setObject(2, OffsetDateTime.ofInstant(Instant.ofEpochSecond((first + hours) * 3600), ZoneOffset.UTC));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          int hour = (int) (rows.getLong(1) - first);
          Optional<Status> status = Status.of(rows.getString(2));
          if (hour >= 0 && hour < hours && status.isPresent()) {
            counts.computeIfAbsent(status.get(), unused -> new long[hours])[hour] += rows.getLong(3);
          }
        }
      }
    }
    return counts;
  }

  /** How far back {@link #lastAttempts} looks. */
  public static final java.time.Duration RECENT = java.time.Duration.ofDays(30);

  /**
   * When each connector last had an attempt with each of {@code statuses}, within {@link #RECENT}: one read of the
   * attempts' index on their start, whatever the number of connectors. A connector without one is not in the map.
   */
  public Map<Long, Map<Status, OffsetDateTime>> lastAttempts(Set<Status> statuses) throws SQLException {
    Map<Long, Map<Status, OffsetDateTime>> last = new java.util.HashMap<>();
    if (statuses.isEmpty()) {
      return last;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT connector_id, status, MAX(started_at) FROM "
            + "transaction_attempt WHERE started_at >= ? AND connector_id IS NOT NULL AND status IN ("
            + String.join(", ", java.util.Collections.nCopies(statuses.size(), "?")) + ") GROUP BY connector_id, "
            + "status")) {
      List<Object> parameters = new ArrayList<>();
      parameters.add(OffsetDateTime.now(ZoneOffset.UTC).minus(RECENT));
      statuses.stream().sorted().forEach(status -> parameters.add(status.label()));
      bind(query, parameters);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Optional<Status> status = Status.of(rows.getString(2));
          if (status.isPresent()) {
            last.computeIfAbsent(rows.getLong(1), unused -> new java.util.EnumMap<>(Status.class))
                .put(status.get(), rows.getObject(3, OffsetDateTime.class));
          }
        }
      }
    }
    return last;
  }

  /** Makes the given transactions due again (not those in flight); answers how many. */
  public int retry(List<Long> ids, String source) throws SQLException {
    return update("UPDATE appointment_transaction SET status = 'Pending', source = '" + source + "', "
        + "next_attempt_at = CURRENT_TIMESTAMP, retry_at = NULL, archived = FALSE WHERE status <> 'Pending' AND id IN ",
        ids);
  }

  public int retry(TransactionFilter filter, String source) throws SQLException {
    return updateWhere("UPDATE appointment_transaction SET status = 'Pending', source = '" + source + "', "
        + "next_attempt_at = CURRENT_TIMESTAMP, retry_at = NULL", filter, " AND status <> 'Pending'");
  }

  public int archive(List<Long> ids) throws SQLException {
    return update("UPDATE appointment_transaction SET archived = TRUE, retry_at = NULL WHERE status <> 'Pending' "
        + "AND id IN ", ids);
  }

  public int archive(TransactionFilter filter) throws SQLException {
    return updateWhere("UPDATE appointment_transaction SET archived = TRUE, retry_at = NULL", filter,
        " AND status <> 'Pending'");
  }

  private int update(String sql, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql + "(" + String.join(", ",
            java.util.Collections.nCopies(ids.size(), "?")) + ")")) {
      bind(update, new ArrayList<>(ids));
      return update.executeUpdate();
    }
  }

  private int updateWhere(String sql, TransactionFilter filter, String extra) throws SQLException {
    List<Object> parameters = new ArrayList<>();
    String where = filter.where(parameters);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql + where + extra)) {
      bind(update, parameters);
      return update.executeUpdate();
    }
  }

  private static JsonObject item(ResultSet row) throws SQLException {
    JsonObjectBuilder item = Jsons.JSON.createObjectBuilder()
        .add("id", row.getLong("id"))
        .add("appointmentId", row.getLong("appointment_id"))
        .add("appointmentGuid", row.getObject("appointment_guid").toString())
        .add("sourceApp", row.getString("source_app"))
        .add("sourceType", row.getString("source_type"));
    text(item, "jobNo", row.getString("job_no"));
    text(item, "taskNo", row.getString("task_no"));
    item.add("action", row.getString("action").trim())
        .add("sequence", row.getLong("sequence"))
        .add("status", row.getString("status"))
        .add("source", row.getString("source"))
        .add("attempts", row.getInt("attempts"));
    text(item, "message", row.getString("message"));
    time(item, "createdAt", row.getObject("created_at"));
    time(item, "lastAttemptAt", row.getObject("last_attempt_at"));
    time(item, "retryAt", row.getObject("retry_at"));
    return item.add("archived", row.getBoolean("archived")).build();
  }

  private static void text(JsonObjectBuilder json, String field, String value) {
    if (value == null) {
      json.addNull(field);
    } else {
      json.add(field, value);
    }
  }

  private static void time(JsonObjectBuilder json, String field, Object value) {
    if (value instanceof OffsetDateTime time) {
      json.add(field, time.withOffsetSameInstant(ZoneOffset.UTC).toString());
    } else if (value instanceof Timestamp time) {
      json.add(field, time.toInstant().atOffset(ZoneOffset.UTC).toString());
    } else {
      json.addNull(field);
    }
  }

  private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
  }
}
