package org.planbridge.planning.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.planbridge.outbox.control.AppointmentChange;
import org.planbridge.outbox.control.Outbox;
import org.planbridge.platform.control.Jsons;

/**
 * Appointments and their resource assignments. Unlike the other planning records an appointment
 * is identified by our generated id or by its guid, has a period that must make sense, and carries
 * its assignments; every change to it passes through here.
 */
@ApplicationScoped
public class AppointmentStore {

  static final String TABLE = "appointment";
  private static final List<String> TASK_KEY = List.of("source_app", "source_type", "job_no", "task_no");

  @Inject PlanningSchema schema;
  @Inject PlanningWriter writer;
  @Inject Outbox outbox;

  /** Bookkeeping columns, not part of what the back office receives. */
  private static final Set<String> SNAPSHOT_SKIPS = Set.of("row_version", "created_at", "updated_at",
      PlanningSchema.CHANGE_STAMP);

  /** The appointment an id or guid names, or null when neither names one (a new appointment). */
  public Existing resolve(Connection connection, Long id, UUID guid) throws SQLException {
    if (id != null && id != 0) {
      Existing byId = find(connection, "appointment_id", id);
      if (byId == null) {
        throw new PlanningViolation("appointment " + id + " does not exist");
      }
      if (guid != null && !guid.equals(byId.ref().guid())) {
        throw new PlanningViolation("AppointmentId " + id + " and AppointmentGuid " + guid
            + " name different appointments");
      }
      return byId;
    }
    return guid == null ? null : find(connection, "appointment_guid", guid);
  }

  /** Inserts or updates the appointment with the given column values; assigns resources when given. */
  public AppointmentRef upsert(Connection connection, Existing existing, Map<String, Object> values,
      List<String> resourceNos, boolean replaceResources) throws SQLException {
    Map<String, Column> columns = schema.columns(connection, TABLE);
    Map<String, Object> changes = new LinkedHashMap<>(values);
    changes.remove("appointment_id");
    OffsetDateTime start = (OffsetDateTime) changes.getOrDefault("start_time", existing == null ? null : existing.start());
    OffsetDateTime end = (OffsetDateTime) changes.getOrDefault("end_time", existing == null ? null : existing.end());
    if (start != null && end != null && !end.isAfter(start)) {
      throw new PlanningViolation("End (" + end + ") must be after Start (" + start + ")");
    }
    requireTask(connection, changes);
    AppointmentRef ref;
    if (existing == null) {
      changes.putIfAbsent("appointment_guid", UUID.randomUUID());
      for (Column column : columns.values()) {
        if (column.requiredOnInsert() && changes.get(column.name()) == null) {
          throw new PlanningViolation("a new appointment needs " + column.name() + " ("
              + ColumnNames.parameterOf(column.name()) + ")");
        }
      }
      ref = insert(connection, columns, changes);
    } else {
      changes.remove("appointment_guid");
      update(connection, existing.ref(), columns, changes);
      ref = existing.ref();
    }
    if (resourceNos != null && !resourceNos.isEmpty()) {
      assignResources(connection, ref, resourceNos, replaceResources);
    }
    record(connection, ref, existing == null ? AppointmentChange.INSERT : AppointmentChange.UPDATE,
        Boolean.TRUE.equals(values.get("sent_from_back_office")));
    return ref;
  }

  /** Updates some columns of an appointment that exists. */
  public AppointmentRef update(Connection connection, Existing existing, Map<String, Object> values)
      throws SQLException {
    return upsert(connection, Objects.requireNonNull(existing, "existing"), values, null, false);
  }

  public void delete(Connection connection, Existing existing, boolean fromBackOffice) throws SQLException {
    if (existing == null) {
      return;
    }
    record(connection, existing.ref(), AppointmentChange.DELETE, fromBackOffice);
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM appointment WHERE appointment_id = ?")) {
      delete.setLong(1, existing.ref().id());
      delete.executeUpdate();
    }
  }

  /**
   * Deletes the appointments of the jobs or tasks about to be deleted, each with its transaction:
   * the database's cascade would remove them without a word to the back office.
   */
  public void deleteUnder(Connection connection, List<String> keyColumns, List<Object[]> keys,
      boolean fromBackOffice) throws SQLException {
    String where = keyColumns.stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
    for (Object[] key : keys) {
      for (Existing existing : existing(connection, where, key)) {
        delete(connection, existing, fromBackOffice);
      }
    }
  }

  /** Takes the resources about to be deleted off their appointments, each change with its transaction. */
  public void unassignEverywhere(Connection connection, List<String> resourceNos) throws SQLException {
    for (String resourceNo : resourceNos) {
      for (Existing existing : existing(connection,
          "appointment_id IN (SELECT appointment_id FROM assignment WHERE resource_no = ?)", resourceNo)) {
        unassign(connection, existing.ref(), resourceNo, false);
      }
    }
  }

  /** Assigns resources that must exist, as one change of the appointment. */
  public void assign(Connection connection, AppointmentRef ref, List<String> resourceNos, boolean fromBackOffice)
      throws SQLException {
    assignResources(connection, ref, resourceNos, false);
    record(connection, ref, AppointmentChange.UPDATE, fromBackOffice);
  }

  /**
   * A record the back office receives with the appointment (a field value) was written or deleted: a change of the
   * appointment, whose row version moves.
   */
  public void changed(Connection connection, AppointmentRef ref, boolean fromBackOffice) throws SQLException {
    touch(connection, ref);
    record(connection, ref, AppointmentChange.UPDATE, fromBackOffice);
  }

  /** Removes a resource from an appointment; a change only when it was assigned. */
  public void unassign(Connection connection, AppointmentRef ref, String resourceNo, boolean fromBackOffice)
      throws SQLException {
    if (removeAssignment(connection, ref, resourceNo)) {
      record(connection, ref, AppointmentChange.UPDATE, fromBackOffice);
    }
  }

  /** With replace, other assignments of the appointment go. */
  private void assignResources(Connection connection, AppointmentRef ref, List<String> resourceNos, boolean replace)
      throws SQLException {
    Set<String> wanted = new LinkedHashSet<>(resourceNos);
    Set<String> known = existingResources(connection, wanted);
    for (String resourceNo : wanted) {
      if (!known.contains(resourceNo)) {
        throw new PlanningViolation("resource " + resourceNo + " does not exist");
      }
    }
    Set<String> assigned = assignedResources(connection, ref.id());
    if (replace) {
      for (String resourceNo : assigned) {
        if (!wanted.contains(resourceNo)) {
          removeAssignment(connection, ref, resourceNo);
        }
      }
    }
    String sql = "INSERT INTO assignment (appointment_id, resource_no, source_app, source_type) "
        + "SELECT appointment_id, ?, source_app, source_type FROM appointment WHERE appointment_id = ?";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (String resourceNo : wanted) {
        if (!assigned.contains(resourceNo)) {
          insert.setString(1, resourceNo);
          insert.setLong(2, ref.id());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
    touch(connection, ref);
  }

  private static boolean removeAssignment(Connection connection, AppointmentRef ref, String resourceNo)
      throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM assignment WHERE appointment_id = ? AND resource_no = ?")) {
      delete.setLong(1, ref.id());
      delete.setString(2, resourceNo);
      if (delete.executeUpdate() == 0) {
        return false;
      }
    }
    touch(connection, ref);
    return true;
  }

  /** The change, as the back office will receive it, into the outbox in this same transaction. */
  private void record(Connection connection, AppointmentRef ref, char action, boolean fromBackOffice)
      throws SQLException {
    JsonObjectBuilder appointment = Jsons.JSON.createObjectBuilder();
    String[] identity = new String[4];
    try (PreparedStatement query = connection.prepareStatement("SELECT * FROM appointment WHERE appointment_id = ?")) {
      query.setLong(1, ref.id());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        ResultSetMetaData meta = row.getMetaData();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          String column = meta.getColumnLabel(c).toLowerCase();
          if (!SNAPSHOT_SKIPS.contains(column)) {
            Snapshots.add(appointment, ColumnNames.fieldOf(column), row.getObject(c));
          }
        }
        identity[0] = row.getString("source_app");
        identity[1] = row.getString("source_type");
        identity[2] = row.getString("job_no");
        identity[3] = row.getString("task_no");
      }
    }
    JsonArrayBuilder resources = Jsons.JSON.createArrayBuilder();
    assignedResources(connection, ref.id()).forEach(resources::add);
    appointment.add("resources", resources);
    appointment.add("fieldValues", fieldValues(connection, ref));
    outbox.enqueue(connection, new AppointmentChange(ref.id(), ref.guid(), identity[0], identity[1], identity[2],
        identity[3], action, fromBackOffice, appointment.build()), "Service");
  }

  private void requireTask(Connection connection, Map<String, Object> changes) throws SQLException {
    Object jobNo = changes.get("job_no");
    Object taskNo = changes.get("task_no");
    if (jobNo == null && taskNo == null) {
      return;
    }
    if (jobNo == null || taskNo == null) {
      throw new PlanningViolation("JobNo and TaskNo go together: give both or neither");
    }
    Map<String, Column> columns = schema.columns(connection, TABLE);
    List<Column> key = TASK_KEY.stream().map(columns::get).toList();
    List<Object> wanted = TASK_KEY.stream().map(changes::get).collect(Collectors.toList());
    if (wanted.contains(null)) {
      throw new PlanningViolation("an appointment linked to a task needs SourceApp, SourceType, JobNo and TaskNo");
    }
    if (writer.existing(connection, "task", key, List.of(wanted)).isEmpty()) {
      throw new PlanningViolation("task (SourceApp=" + wanted.get(0) + ", SourceType=" + wanted.get(1) + ", JobNo="
          + jobNo + ", TaskNo=" + taskNo + ") does not exist");
    }
  }

  private AppointmentRef insert(Connection connection, Map<String, Column> columns, Map<String, Object> values)
      throws SQLException {
    List<String> names = new ArrayList<>(values.keySet());
    String sql = "INSERT INTO appointment (" + String.join(", ", names) + ") VALUES ("
        + PlanningWriter.placeholders(names.size()) + ")";
    try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"appointment_id"})) {
      for (int i = 0; i < names.size(); i++) {
        Values.bind(insert, i + 1, columns.get(names.get(i)), values.get(names.get(i)));
      }
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return new AppointmentRef(keys.getLong(1), (UUID) values.get("appointment_guid"));
      }
    }
  }

  private void update(Connection connection, AppointmentRef ref, Map<String, Column> columns,
      Map<String, Object> values) throws SQLException {
    List<String> names = new ArrayList<>(values.keySet());
    String sql = "UPDATE appointment SET "
        + names.stream().map(n -> n + " = ?, ").collect(Collectors.joining())
        + "row_version = nextval('row_version_seq'), updated_at = CURRENT_TIMESTAMP WHERE appointment_id = ?";
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      for (int i = 0; i < names.size(); i++) {
        Values.bind(update, i + 1, columns.get(names.get(i)), values.get(names.get(i)));
      }
      update.setLong(names.size() + 1, ref.id());
      update.executeUpdate();
    }
  }

  /** An assignment change is a change of the appointment: its row version moves. */
  private static void touch(Connection connection, AppointmentRef ref) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE appointment SET "
        + "row_version = nextval('row_version_seq'), updated_at = CURRENT_TIMESTAMP WHERE appointment_id = ?")) {
      update.setLong(1, ref.id());
      update.executeUpdate();
    }
  }

  private static Existing find(Connection connection, String column, Object value) throws SQLException {
    List<Existing> found = existing(connection, column + " = ?", value);
    return found.isEmpty() ? null : found.get(0);
  }

  /** The appointments {@code where} selects, with what a change is checked against. */
  private static List<Existing> existing(Connection connection, String where, Object... parameters)
      throws SQLException {
    return rows(connection, "SELECT appointment_id, appointment_guid, start_time, end_time FROM appointment WHERE "
        + where, parameters, row -> new Existing(new AppointmentRef(row.getLong(1), row.getObject(2, UUID.class)),
        row.getObject(3, OffsetDateTime.class), row.getObject(4, OffsetDateTime.class)));
  }

  private static Set<String> existingResources(Connection connection, Set<String> resourceNos) throws SQLException {
    return new LinkedHashSet<>(rows(connection, "SELECT resource_no FROM resource WHERE resource_no IN ("
        + PlanningWriter.placeholders(resourceNos.size()) + ")", resourceNos.toArray(), row -> row.getString(1)));
  }

  /** The appointment's field values, by field code in code order; a blank field is null. */
  private static JsonObjectBuilder fieldValues(Connection connection, AppointmentRef ref) throws SQLException {
    JsonObjectBuilder values = Jsons.JSON.createObjectBuilder();
    for (String[] field : rows(connection, "SELECT field_code, field_value FROM appointment_field_value "
        + "WHERE appointment_guid = ? ORDER BY field_code", new Object[] {ref.guid()},
        row -> new String[] {row.getString(1), row.getString(2)})) {
      Snapshots.add(values, field[0], field[1]);
    }
    return values;
  }

  private static Set<String> assignedResources(Connection connection, long appointmentId) throws SQLException {
    return new LinkedHashSet<>(rows(connection, "SELECT resource_no FROM assignment WHERE appointment_id = ?",
        new Object[] {appointmentId}, row -> row.getString(1)));
  }

  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private static <T> List<T> rows(Connection connection, String sql, Object[] parameters, RowReader<T> reader)
      throws SQLException {
    List<T> found = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(reader.read(rows));
        }
      }
    }
    return found;
  }

  /** An appointment found in the database, with what a change must be checked against. */
  public record Existing(AppointmentRef ref, OffsetDateTime start, OffsetDateTime end) {
    public Existing {
      Objects.requireNonNull(ref);
    }
  }
}
