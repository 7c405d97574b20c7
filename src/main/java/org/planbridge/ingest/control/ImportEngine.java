package org.planbridge.ingest.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.planbridge.connector.control.ConnectorField;
import org.planbridge.connector.control.ConnectorViolation;
import org.planbridge.connector.control.Connectors;
import org.planbridge.connector.control.SecretUnavailable;
import org.planbridge.planning.control.AppointmentRef;
import org.planbridge.planning.control.AppointmentStore;
import org.planbridge.planning.control.BatchFailure;
import org.planbridge.planning.control.Column;
import org.planbridge.planning.control.ColumnNames;
import org.planbridge.planning.control.PlanningSchema;
import org.planbridge.planning.control.PlanningViolation;
import org.planbridge.planning.control.PlanningWriter;
import org.planbridge.platform.control.Database;
import org.planbridge.platform.control.Failures;
import org.planbridge.platform.control.PasswordHashing;
import org.planbridge.platform.control.StorableText;

/**
 * Applies a request's procedure calls in order. Every item is bound (matched and parsed) before
 * anything is written; then consecutive items of one procedure with the same parameters run as one
 * JDBC batch, after one query checks their parents. Appointments go one by one through
 * {@link AppointmentStore}. Any refusal throws {@link ImportRejected}, which rolls back the caller's
 * transaction: a request is applied whole or not at all.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ImportEngine {

  @Inject PlanningSchema schema;
  @Inject PlanningWriter writer;
  @Inject AppointmentStore appointments;
  @Inject Connectors connectors;
  @Inject PasswordHashing hashing;

  /** Applies the items; answers the appointments created or updated, in order, once each. */
  public List<AppointmentRef> apply(Connection connection, List<ImportItem> items) {
    try {
      List<BoundItem> bound = bindAll(connection, items);
      Database database = schema.database(connection);
      Map<Long, AppointmentRef> touched = new LinkedHashMap<>();
      int start = 0;
      while (start < bound.size()) {
        int end = runEnd(bound, start);
        List<BoundItem> run = bound.subList(start, end);
        switch (run.get(0).procedure().operation()) {
          case UPSERT -> upsert(connection, database, run);
          case UPDATE -> update(connection, run);
          case DELETE, CLEAR, DELETE_MATCHING -> delete(connection, run);
          case INSERT -> insert(connection, run);
          case UPSERT_CONNECTOR, DELETE_CONNECTOR -> run.forEach(this::connector);
          default -> run.forEach(item -> appointment(connection, item, touched));
        }
        start = end;
      }
      return List.copyOf(touched.values());
    } catch (SQLException e) {
      throw new ImportRejected(500, "The database failed: " + Failures.rootMessage(e));
    }
  }

  private List<BoundItem> bindAll(Connection connection, List<ImportItem> items) throws SQLException {
    List<BoundItem> bound = new ArrayList<>(items.size());
    for (ImportItem item : items) {
      Procedure procedure = ProcedureCatalog.find(item.procedure()).orElseThrow(() -> ImportRejected.item(
          item.index(), null, null, "unknown procedure '" + item.procedure() + "'"));
      bound.add(procedure.operation().isConnector() ? ConnectorBinder.bind(item, procedure)
          : ItemBinder.bind(item, procedure, schema.columns(connection, procedure.target().table())));
    }
    return hashedPasswords(bound);
  }

  /** Where the run starting at {@code start} ends: same procedure, same columns, not an appointment. */
  private static int runEnd(List<BoundItem> items, int start) {
    BoundItem first = items.get(start);
    if (first.procedure().target() == ProcedureCatalog.APPOINTMENT
        || first.procedure().target() == ProcedureCatalog.ASSIGNMENT
        || ProcedureCatalog.OF_APPOINTMENT.contains(first.procedure().target())
        || first.procedure().operation().isConnector()) {
      return start + 1;
    }
    int end = start + 1;
    while (end < items.size() && items.get(end).procedure() == first.procedure()
        && items.get(end).values().keySet().equals(first.values().keySet())) {
      end++;
    }
    return end;
  }

  private void upsert(Connection connection, Database database, List<BoundItem> run) throws SQLException {
    BoundItem first = run.get(0);
    Target target = first.procedure().target();
    Map<String, Column> columns = schema.columns(connection, target.table());
    requireParents(connection, run);
    List<Column> given = first.values().keySet().stream().map(columns::get).toList();
    List<String> missing = columns.values().stream()
        .filter(c -> c.requiredOnInsert() && !first.values().containsKey(c.name())).map(Column::name).toList();
    if (missing.isEmpty()) {
      execute(run, () -> writer.upsert(connection, database, target.table(), target.key(), given, rows(run, given)));
      return;
    }
    // Without the columns a new record needs, these items can only update records that exist.
    List<Column> key = target.key().stream().map(columns::get).toList();
    Set<List<Object>> existing = writer.existing(connection, target.table(), key, keys(run, target.key()));
    for (BoundItem item : run) {
      if (!existing.contains(keyOf(item, target.key()))) {
        throw ImportRejected.item(item.index(), item.procedure().name(), ColumnNames.parameterOf(missing.get(0)),
            "is required to create " + target.table() + " " + describe(item, target.key())
                + ", which does not exist yet");
      }
    }
    List<Column> changed = given.stream().filter(c -> !target.key().contains(c.name())).toList();
    List<Column> bound = new ArrayList<>(changed);
    bound.addAll(key);
    execute(run, () -> writer.update(connection, target.table(), key, changed, rows(run, bound)));
  }

  private void insert(Connection connection, List<BoundItem> run) throws SQLException {
    BoundItem first = run.get(0);
    Target target = first.procedure().target();
    Map<String, Column> columns = schema.columns(connection, target.table());
    requireParents(connection, run);
    for (Column column : columns.values()) {
      if (column.requiredOnInsert() && !first.values().containsKey(column.name())) {
        throw ImportRejected.item(first.index(), first.procedure().name(), first.nameOf(column.name()),
            "is required and missing");
      }
    }
    List<Column> given = first.values().keySet().stream().map(columns::get).toList();
    execute(run, () -> writer.insert(connection, target.table(), given, rows(run, given)));
  }

  private void update(Connection connection, List<BoundItem> run) throws SQLException {
    Procedure procedure = run.get(0).procedure();
    Map<String, Column> columns = schema.columns(connection, procedure.target().table());
    List<Column> key = procedure.target().key().stream().map(columns::get).toList();
    List<Column> changed = procedure.columns().stream()
        .filter(run.get(0).values()::containsKey).map(columns::get).toList();
    List<Column> bound = new ArrayList<>(changed);
    bound.addAll(key);
    int[] counts = execute(run, () -> writer.update(connection, procedure.target().table(), key, changed, rows(run, bound)));
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        BoundItem item = run.get(i);
        throw ImportRejected.item(item.index(), procedure.name(), null, procedure.target().table() + " "
            + describe(item, procedure.target().key()) + " does not exist");
      }
    }
  }

  private void delete(Connection connection, List<BoundItem> run) throws SQLException {
    Procedure procedure = run.get(0).procedure();
    Map<String, Column> columns = schema.columns(connection, procedure.target().table());
    List<Column> match = run.get(0).values().keySet().stream().map(columns::get).toList();
    if (procedure.operation() == Operation.DELETE) {
      deleteDependentAppointments(connection, procedure.target(), run);
    }
    execute(run, () -> writer.delete(connection, procedure.target().table(), match, rows(run, match)));
  }

  /**
   * Appointments under a deleted job or task, and assignments of a deleted resource, change with it:
   * they go through the appointment store so each change reaches the outbox.
   */
  private void deleteDependentAppointments(Connection connection, Target target, List<BoundItem> run)
      throws SQLException {
    if (target == ProcedureCatalog.JOB || target == ProcedureCatalog.TASK) {
      for (BoundItem item : run) {
        appointments.deleteUnder(connection, target.key(), List.<Object[]>of(keyOf(item, target.key()).toArray()),
            fromBackOffice(item));
      }
    } else if (target == ProcedureCatalog.RESOURCE) {
      appointments.unassignEverywhere(connection, run.stream().map(i -> (String) i.values().get("resource_no")).toList());
    }
  }

  private void appointment(Connection connection, BoundItem item, Map<Long, AppointmentRef> touched) {
    Map<String, Object> values = item.values();
    try {
      Long id = ProcedureCatalog.OF_APPOINTMENT.contains(item.procedure().target()) ? id(item)
          : (Long) values.get("appointment_id");
      UUID guid = item.procedure().operation() == Operation.ASSIGN || item.procedure().operation() == Operation.UNASSIGN
          ? guid(item) : (UUID) values.get("appointment_guid");
      AppointmentStore.Existing existing = appointments.resolve(connection, id, guid);
      AppointmentRef ref = switch (item.procedure().operation()) {
        case UPSERT_APPOINTMENT -> appointments.upsert(connection, existing, values, resources(item), replace(item));
        case UPDATE_APPOINTMENT -> appointments.update(connection, required(existing, guid), written(item));
        case CLEAR_APPOINTMENT -> appointments.update(connection, required(existing, guid), cleared(item));
        case DELETE_APPOINTMENT -> {
          appointments.delete(connection, existing, fromBackOffice(item));
          yield null;
        }
        case UPSERT_APPOINTMENT_RECORD, DELETE_APPOINTMENT_RECORD -> {
          AppointmentRef named = required(existing, guid).ref();
          if (appointmentRecord(connection, item, named)
              && ProcedureCatalog.SENT_WITH_APPOINTMENT.contains(item.procedure().target())) {
            appointments.changed(connection, named, fromBackOffice(item));
          }
          yield named;
        }
        case ASSIGN -> {
          AppointmentRef assigned = required(existing, guid).ref();
          appointments.assign(connection, assigned, List.of((String) values.get("resource_no")), fromBackOffice(item));
          yield assigned;
        }
        case UNASSIGN -> {
          AppointmentRef unassigned = required(existing, guid).ref();
          appointments.unassign(connection, unassigned, (String) values.get("resource_no"), fromBackOffice(item));
          yield unassigned;
        }
        default -> throw new IllegalStateException(item.procedure().operation() + " is not an appointment operation");
      };
      if (ref != null) {
        touched.put(ref.id(), ref);
      } else if (existing != null) {
        touched.remove(existing.ref().id());
      }
    } catch (PlanningViolation e) {
      throw ImportRejected.item(item.index(), item.procedure().name(), null, e.getMessage());
    } catch (SQLException e) {
      throw ImportRejected.item(item.index(), item.procedure().name(), null,
          "the database refused it: " + Failures.rootMessage(e));
    }
  }

  /**
   * A record of an appointment (a URI, a field value), on the appointment's guid whatever named it. Answers whether
   * anything changed: an upsert always writes, a delete of what is not there does not.
   */
  private boolean appointmentRecord(Connection connection, BoundItem item, AppointmentRef appointment)
      throws SQLException {
    Target target = item.procedure().target();
    Map<String, Column> columns = schema.columns(connection, target.table());
    Map<String, Object> values = new LinkedHashMap<>(item.values());
    values.put("appointment_guid", appointment.guid());
    if (item.procedure().operation() == Operation.UPSERT_APPOINTMENT_RECORD) {
      List<Column> given = values.keySet().stream().map(columns::get).toList();
      writer.upsert(connection, schema.database(connection), target.table(), target.key(), given,
          List.<Object[]>of(values.values().toArray()));
      return true;
    }
    List<Column> key = target.key().stream().map(columns::get).toList();
    Object[] row = target.key().stream().map(values::get).toArray();
    return writer.delete(connection, target.table(), key, List.<Object[]>of(row))[0] != 0;
  }

  /** The appointment id an item gives as a parameter that is not a column; 0 (what the SDKs send) is none. */
  private static Long id(BoundItem item) {
    String raw = item.extras().getOrDefault("pappointmentid", item.extras().get("appointmentid"));
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(raw.trim());
      return id == 0 ? null : id;
    } catch (NumberFormatException e) {
      throw ImportRejected.item(item.index(), item.procedure().name(), "AppointmentId", "must be a whole number, not '"
          + raw.trim() + "'");
    }
  }

  /** Passwords are at most this long, as the console's are. */
  static final int MAX_PASSWORD = 200;

  /**
   * Each password costs a PBKDF2 hash (about a quarter of a second), inside the request's transaction: a request sets
   * at most this many, so that it ends in seconds, never near a transaction timeout.
   */
  static final int MAX_PASSWORDS = 25;

  /** Every board user's password as its hash, once all items are bound and the request is known to be small enough. */
  private List<BoundItem> hashedPasswords(List<BoundItem> bound) {
    List<BoundItem> setting = bound.stream().filter(ImportEngine::setsPassword).toList();
    if (setting.size() > MAX_PASSWORDS) {
      BoundItem first = setting.get(MAX_PASSWORDS);
      throw ImportRejected.item(first.index(), first.procedure().name(), "Password", "is password number "
          + (MAX_PASSWORDS + 1) + " of this request; a request sets at most " + MAX_PASSWORDS
          + " (each is hashed, which takes time): send the users in smaller requests");
    }
    return setting.isEmpty() ? bound : bound.stream().map(item -> setsPassword(item) ? hashedPassword(item) : item)
        .toList();
  }

  private static boolean setsPassword(BoundItem item) {
    return item.procedure().target() == ProcedureCatalog.BOARD_USER
        && item.procedure().operation() != Operation.DELETE && item.extras().get("password") != null;
  }

  /**
   * A user's password becomes its hash before anything is written: the password is never stored, and no answer
   * quotes it. A password not sent (or null) leaves the stored hash alone; an empty one clears it. A delete reads
   * only the email.
   */
  private BoundItem hashedPassword(BoundItem item) {
    String password = item.extras().get("password");
    if (password.length() > MAX_PASSWORD) {
      throw ImportRejected.item(item.index(), item.procedure().name(), "Password", "is " + password.length()
          + " characters long; at most " + MAX_PASSWORD + " (it is not shown)");
    }
    Map<String, Object> values = new LinkedHashMap<>(item.values());
    values.put("password_hash", password.isEmpty() ? null : hashing.hash(password));
    Map<String, String> extras = new HashMap<>(item.extras());
    extras.remove("password");
    return new BoundItem(item.item(), item.procedure(), values, extras, item.sentNames());
  }

  /** A connector goes through its own component, which encrypts the password; nothing here writes it. */
  private void connector(BoundItem item) {
    try {
      if (item.procedure().operation() == Operation.UPSERT_CONNECTOR) {
        connectors.upsert(item.connector());
      } else {
        connectors.deleteBySourceApp(item.connector().text(ConnectorField.SOURCE_APP));
      }
    } catch (ConnectorViolation e) {
      throw ImportRejected.item(item.index(), item.procedure().name(), ConnectorBinder.nameOf(item, e.field()),
          e.getMessage());
    } catch (SecretUnavailable e) {
      throw new ImportRejected(500, "Item " + item.index() + " (" + item.procedure().name() + "), parameter "
          + ConnectorBinder.nameOf(item, ConnectorField.PASSWORD) + ": " + e.getMessage());
    }
  }

  /** What a cleared column of an appointment holds: null, or what a new appointment has where it must hold a value. */
  static final Map<String, Object> CLEARED = Map.of("importance", 0, "locked", false);

  /** The procedure's columns cleared, and whether the change came from the back office. */
  private static Map<String, Object> cleared(BoundItem item) {
    Map<String, Object> cleared = new LinkedHashMap<>();
    item.procedure().columns().forEach(column -> cleared.put(column, CLEARED.get(column)));
    if (item.values().containsKey("sent_from_back_office")) {
      cleared.put("sent_from_back_office", item.values().get("sent_from_back_office"));
    }
    return cleared;
  }

  /** A partial appointment update writes its own columns, and whether it came from the back office. */
  private static Map<String, Object> written(BoundItem item) {
    Map<String, Object> written = new LinkedHashMap<>();
    item.values().forEach((column, value) -> {
      if (item.procedure().columns().contains(column) || column.equals("sent_from_back_office")) {
        written.put(column, value);
      }
    });
    return written;
  }

  /** Whether the item says it comes from the back office (its changes are then not sent back). */
  private static boolean fromBackOffice(BoundItem item) {
    if (Boolean.TRUE.equals(item.values().get("sent_from_back_office"))) {
      return true;
    }
    String raw = item.extras().get("sentfrombackoffice");
    try {
      return raw != null && !raw.isBlank() && ValueParser.parseBoolean(raw.trim());
    } catch (ValueParser.Invalid e) {
      throw ImportRejected.item(item.index(), item.procedure().name(), "SentFromBackOffice", e.getMessage());
    }
  }

  /**
   * The appointment a call that changes one names. An id of 0 is no id (the SDKs send 0 when they only know the
   * guid), so a guid that names nothing is what the client is told about.
   */
  private static AppointmentStore.Existing required(AppointmentStore.Existing existing, UUID guid) {
    if (existing == null) {
      throw new PlanningViolation(guid != null ? "appointment with guid " + guid + " does not exist"
          : "name the appointment with AppointmentId or AppointmentGuid");
    }
    return existing;
  }

  private static UUID guid(BoundItem item) {
    String raw = item.extras().get("appointmentguid");
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return ValueParser.parseGuid(raw.trim());
    } catch (ValueParser.Invalid e) {
      throw ImportRejected.item(item.index(), item.procedure().name(), "AppointmentGuid", e.getMessage());
    }
  }

  private static List<String> resources(BoundItem item) {
    String raw = item.extras().get("resourceno");
    if (raw == null) {
      return null;
    }
    List<String> resources = new ArrayList<>();
    String problem = StorableText.problem(raw);
    if (problem != null) {
      throw ImportRejected.item(item.index(), item.procedure().name(), "ResourceNo", problem);
    }
    for (String resourceNo : raw.split(";")) {
      if (!resourceNo.isBlank()) {
        resources.add(resourceNo.trim());
      }
    }
    return resources;
  }

  private static boolean replace(BoundItem item) {
    String raw = item.extras().get("replaceresource");
    try {
      return raw != null && !raw.isBlank() && ValueParser.parseBoolean(raw.trim());
    } catch (ValueParser.Invalid e) {
      throw ImportRejected.item(item.index(), item.procedure().name(), "ReplaceResource", e.getMessage());
    }
  }

  private void requireParents(Connection connection, List<BoundItem> run) throws SQLException {
    Target.Parent parent = run.get(0).procedure().target().parent();
    if (parent == null) {
      return;
    }
    Map<String, Column> parentColumns = schema.columns(connection, parent.table());
    List<Column> key = parent.parentColumns().stream().map(parentColumns::get).toList();
    Set<List<Object>> existing = writer.existing(connection, parent.table(), key, keys(run, parent.childColumns()));
    for (BoundItem item : run) {
      if (!existing.contains(keyOf(item, parent.childColumns()))) {
        throw ImportRejected.item(item.index(), item.procedure().name(), null,
            parent.label() + " " + describe(item, parent.childColumns()) + " does not exist");
      }
    }
  }

  private static Set<List<Object>> keys(List<BoundItem> run, List<String> columns) {
    Set<List<Object>> keys = new LinkedHashSet<>();
    run.forEach(item -> keys.add(keyOf(item, columns)));
    return keys;
  }

  private static List<Object> keyOf(BoundItem item, List<String> columns) {
    List<Object> key = new ArrayList<>(columns.size());
    columns.forEach(column -> key.add(item.values().get(column)));
    return key;
  }

  private static String describe(BoundItem item, List<String> columns) {
    StringBuilder text = new StringBuilder("(");
    for (String column : columns) {
      text.append(text.length() > 1 ? ", " : "").append(item.nameOf(column)).append('=').append(item.values().get(column));
    }
    return text.append(')').toString();
  }

  private static List<Object[]> rows(List<BoundItem> run, List<Column> columns) {
    List<Object[]> rows = new ArrayList<>(run.size());
    for (BoundItem item : run) {
      Object[] row = new Object[columns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = item.values().get(columns.get(i).name());
      }
      rows.add(row);
    }
    return rows;
  }

  private interface Batch {
    int[] run() throws SQLException;
  }

  private static int[] execute(List<BoundItem> run, Batch batch) throws SQLException {
    try {
      return batch.run();
    } catch (BatchFailure e) {
      BoundItem item = run.get(Math.min(e.row(), run.size() - 1));
      throw ImportRejected.item(item.index(), item.procedure().name(), null, "the database refused it: " + e.getMessage());
    }
  }
}
