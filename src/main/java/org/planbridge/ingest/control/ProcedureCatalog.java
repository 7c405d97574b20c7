package org.planbridge.ingest.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.planbridge.planning.control.PlanningCollection;

/**
 * Every import procedure PlanBridge understands, as data: the Dime.Scheduler {@code mboc_*} names
 * (with the spellings older and other SDKs send), each bound to an operation on a table. One engine
 * parses, validates and applies them all; see {@link ImportEngine}.
 */
public final class ProcedureCatalog {

  static final Object[] IMPORTANCE = {0, "Medium", 1, "High", 2, "Low"};

  static final Target JOB = Target.of("job", "source_app", "source_type", "job_no")
      .ignoring("CheckAppointments")
      .extras("SentFromBackOffice")
      .enumerated("importance", IMPORTANCE);

  static final Target TASK = Target.of("task", "source_app", "source_type", "job_no", "task_no")
      .parent("job", "job", List.of("source_app", "source_type", "job_no"), List.of("source_app", "source_type", "job_no"))
      .model(PlanningCollection.TASKS)
      .ignoring("CheckAppointments", "CreateJob")
      .extras("SentFromBackOffice")
      .enumerated("importance", IMPORTANCE)
      .enumerated("task_type", 0, "Planning", 1, "Project")
      .enumerated("scheduling_mode", 0, "Normal", 1, "FixedDuration", 2, "EffortDriven", 3, "DynamicAssignment")
      .durations("duration", "requested_start_time", "requested_end_time", "required_total_duration");

  static final Target RESOURCE = Target.of("resource", "resource_no").model(PlanningCollection.RESOURCES);

  static final Target APPOINTMENT = Target.of("appointment", "appointment_id")
      .parent("task", "task", List.of("source_app", "source_type", "job_no", "task_no"),
          List.of("source_app", "source_type", "job_no", "task_no"))
      .model(PlanningCollection.APPOINTMENTS)
      .aliases("Quantity", "planning_qty") // the old .NET SDK's name
      .extras("ResourceNo", "ReplaceResource")
      .ignoring("AppointmentNo")
      .identity("appointment_guid", "source_app", "source_type", "sent_from_back_office")
      .enumerated("importance", IMPORTANCE);

  static final Target ASSIGNMENT = Target.of("assignment", "appointment_id", "resource_no")
      .extras("AppointmentGuid")
      .ignoring("AppointmentNo"); // the .NET SDK's typed route writes it, null

  static final Target CATEGORY = Target.of("category", "category_name").model(PlanningCollection.CATEGORIES);

  static final Target TIME_MARKER = Target.of("time_marker", "time_marker").model(PlanningCollection.TIME_MARKERS);

  static final Target PIN = Target.of("pin", "name").model(PlanningCollection.PINS);

  static final Target FILTER_GROUP = Target.of("filter_group", "group_name")
      .model(PlanningCollection.FILTER_GROUPS)
      .ignoring("Id");

  static final Target FILTER_VALUE = Target.of("filter_value", "filter_group_name", "filter_value")
      .parent("filter group", "filter_group", List.of("filter_group_name"), List.of("group_name"))
      .model(PlanningCollection.FILTER_VALUES);

  static final Target TASK_FILTER_VALUE = Target.of("task_filter_value",
          "source_app", "source_type", "job_no", "task_no", "filter_group", "filter_value")
      .parent("task", "task", List.of("source_app", "source_type", "job_no", "task_no"),
          List.of("source_app", "source_type", "job_no", "task_no"));

  static final Target RESOURCE_FILTER_VALUE = Target.of("resource_filter_value",
          "resource_no", "filter_group", "filter_value")
      .parent("resource", "resource", List.of("resource_no"), List.of("resource_no"));

  static final Target ACTION_URI = Target.of("action_uri", "source_app", "source_type", "url_type", "url")
      .model(PlanningCollection.ACTION_URIS)
      .enumerated("url_type", 0, "PlanningBoard", 1, "Appointment", 2, "Task", 3, "Map")
      .enumerated("request_type", 0, "Unset", 1, "Get", 2, "Post");

  static final Target CAPTION = Target.of("caption", "context", "source_table", "field_name", "language")
      .model(PlanningCollection.CAPTIONS);

  static final Target CONTAINER = Target.of("container", "name");

  static final Target TASK_CONTAINER = Target.of("task_container",
          "source_app", "source_type", "job_no", "task_no", "container_name")
      .parent("task", "task", List.of("source_app", "source_type", "job_no", "task_no"),
          List.of("source_app", "source_type", "job_no", "task_no"))
      .model(PlanningCollection.TASK_CONTAINERS);

  static final Target APPOINTMENT_CONTAINER = Target.of("appointment_container", "appointment", "container")
      .parent("appointment", "appointment", List.of("appointment"), List.of("appointment_guid"))
      .ignoring("AppointmentNo");

  /** Named by the appointment's guid, or its id (found in extras); the .NET SDK's parameters have a {@code p}. */
  static final Target APPOINTMENT_URI = Target.of("appointment_uri", "appointment_guid", "url")
      .model(PlanningCollection.APPOINTMENT_URIS)
      .aliases("pSourceApp", "source_app", "pSourceType", "source_type", "pAppointmentGuid", "appointment_guid",
          "pUrl", "url", "pUrlDesc", "url_desc")
      .extras("AppointmentId", "pAppointmentId")
      .ignoring("AppointmentNo");

  /** Named like the appointment's URIs; the SDK sends {@code SentFromBackOffice} (true unless set otherwise). */
  static final Target APPOINTMENT_FIELD_VALUE = Target.of("appointment_field_value", "appointment_guid", "field_code")
      .model(PlanningCollection.APPOINTMENT_FIELD_VALUES)
      .extras("AppointmentId", "SentFromBackOffice")
      .ignoring("AppointmentNo");

  /** The records that belong to one appointment, named by its id or its guid. */
  static final Set<Target> OF_APPOINTMENT = Set.of(APPOINTMENT_URI, APPOINTMENT_FIELD_VALUE);

  /**
   * Those of them the back office receives with the appointment (its snapshot's {@code fieldValues}): a change
   * writes a transaction. The URIs are the planning board's links and stay here.
   */
  static final Set<Target> SENT_WITH_APPOINTMENT = Set.of(APPOINTMENT_FIELD_VALUE);

  static final Target EXCHANGE_APPOINTMENT = Target.of("exchange_appointment", "exchange_id")
      .model(PlanningCollection.EXCHANGE_APPOINTMENTS)
      .ignoring("AppointmentNo")
      .enumerated("importance", IMPORTANCE)
      .enumerated("show_as", 0, "Unset", 1, "Free", 2, "Tentative", 3, "Office", 4, "OutOfOffice", 5,
          "WorkingElsewhere", 6, "Unknown")
      .enumerated("sensitivity", 0, "Unset", 1, "Normal", 2, "Personal", 3, "Private", 4, "Confidential");

  static final List<String> NOTIFICATION_SUBJECT = List.of("source_app", "source_type", "job_no", "task_no",
      "appointment_id", "appointment_guid", "mboc_id");

  static final Target NOTIFICATION = Target.of("notification")
      .model(PlanningCollection.NOTIFICATIONS)
      .ignoring("AppointmentNo")
      .enumerated("notification_type", 0, "Info", 1, "Warning", 2, "Error");

  static final Target MESSAGE = Target.of("message")
      .model(PlanningCollection.MESSAGES)
      .enumerated("severity", 0, "Verbose", 1, "Debug", 2, "Info", 3, "Warning", 4, "Error", 5, "Fatal");

  static final Target RESOURCE_CALENDAR = Target.of("resource_calendar", "resource_calendar_code")
      .parent("resource", "resource", List.of("resource_no"), List.of("resource_no"))
      .model(PlanningCollection.RESOURCE_CALENDARS);

  static final Target RESOURCE_CAPACITY = Target.of("resource_capacity", "resource_no", "capacity_date")
      .parent("resource", "resource", List.of("resource_no"), List.of("resource_no"))
      .model(PlanningCollection.RESOURCE_CAPACITIES);

  static final Target RESOURCE_GPS_TRACKING = Target.of("resource_gps_tracking", "resource_no")
      .parent("resource", "resource", List.of("resource_no"), List.of("resource_no"))
      .bounded("latitude", -90, 90)
      .bounded("longitude", -180, 180);

  static final Target RESOURCE_CERTIFICATE = Target.of("resource_certificate", "resource_no", "certificate_no")
      .parent("resource", "resource", List.of("resource_no"), List.of("resource_no"))
      .model(PlanningCollection.RESOURCE_CERTIFICATES);

  static final Target RESOURCE_URI = Target.of("resource_uri", "resource_no", "url")
      .parent("resource", "resource", List.of("resource_no"), List.of("resource_no"))
      .model(PlanningCollection.RESOURCE_URIS);

  static final Target TASK_URI = Target.of("task_uri", "source_app", "source_type", "job_no", "task_no", "url")
      .parent("task", "task", List.of("source_app", "source_type", "job_no", "task_no"),
          List.of("source_app", "source_type", "job_no", "task_no"))
      .model(PlanningCollection.TASK_URIS);

  /**
   * The planning board's users, named by their email address. {@code Password} is not a column: the engine writes
   * its hash ({@link ImportEngine}), and no parameter names the hash itself ({@link ItemBinder#DERIVED}).
   */
  static final Target BOARD_USER = Target.of("board_user", "email")
      .model(PlanningCollection.BOARD_USERS)
      .extras("Password")
      .enumerated("login_type", 0, "None", 1, "Forms", 2, "Entra");

  /**
   * Connectors: the table and its key, for the record only. Their parameters are bound by
   * {@link ConnectorBinder} and written by the connector component, not by the generic engine.
   */
  static final Target CONNECTOR = Target.of("connector", "source_app");

  private static final Map<String, Procedure> PROCEDURES = new LinkedHashMap<>();

  static {
    upsertAndDelete("Job", JOB);
    upsertAndDelete("Task", TASK);
    upsertAndDelete("Resource", RESOURCE);
    upsertAndDelete("Category", CATEGORY);
    upsertAndDelete("TimeMarker", TIME_MARKER);
    upsertAndDelete("Pin", PIN);
    upsertAndDelete("FilterGroup", FILTER_GROUP);
    upsertAndDelete("FilterValue", FILTER_VALUE);
    upsertAndDelete("TaskFilterValue", TASK_FILTER_VALUE);
    upsertAndDelete("ResourceFilterValue", RESOURCE_FILTER_VALUE);
    add(Operation.CLEAR, TASK_FILTER_VALUE, List.of("source_app", "source_type", "job_no", "task_no"),
        "mboc_ClearTaskFilterValue");
    add(Operation.CLEAR, RESOURCE_FILTER_VALUE, List.of("resource_no"), "mboc_ClearResourceFilterValue");
    add(Operation.UPSERT, ACTION_URI, List.of(), "mboc_upsertActionUrl");
    add(Operation.DELETE, ACTION_URI, List.of(), "mboc_deleteActionUrl");
    add(Operation.UPDATE, TASK, List.of("locked"), "mboc_updateTaskLocked", "mboc_upsertTaskLocked");
    // The .NET SDK's routes taskTimeMarker and taskCategory have no procedure of their own: these are PlanBridge's.
    add(Operation.UPDATE, TASK, List.of("time_marker"), "mboc_updateTaskTimeMarker");
    add(Operation.UPDATE, TASK, List.of("category"), "mboc_updateTaskCategory");
    upsertAndDelete("Caption", CAPTION);
    upsertAndDelete("Container", CONTAINER);
    upsertAndDelete("TaskContainer", TASK_CONTAINER);
    upsertAndDelete("AppointmentContainer", APPOINTMENT_CONTAINER);
    add(Operation.INSERT, NOTIFICATION, List.of(), "mboc_upsertNotification");
    add(Operation.DELETE_MATCHING, NOTIFICATION, NOTIFICATION_SUBJECT, "mboc_deleteNotification");
    // POST /api/message has no procedure in the SDKs; this is PlanBridge's name for it.
    add(Operation.INSERT, MESSAGE, List.of(), "planbridge_postMessage");
    upsertAndDelete("ResourceCalendar", RESOURCE_CALENDAR);
    upsertAndDelete("ResourceCapacity", RESOURCE_CAPACITY);
    upsertAndDelete("ResourceGpsTracking", RESOURCE_GPS_TRACKING);
    upsertAndDelete("ResourceCertificate", RESOURCE_CERTIFICATE);
    upsertAndDelete("ResourceUrl", RESOURCE_URI);
    upsertAndDelete("TaskUrl", TASK_URI);
    upsertAndDelete("ExchangeAppointment", EXCHANGE_APPOINTMENT);
    // The SDKs' user routes have no procedure: these are PlanBridge's names for them.
    add(Operation.UPSERT, BOARD_USER, List.of(), "planbridge_upsertUser");
    add(Operation.DELETE, BOARD_USER, List.of(), "planbridge_deleteUser");

    add(Operation.UPSERT_APPOINTMENT, APPOINTMENT, List.of(), "mboc_upsertAppointment");
    add(Operation.DELETE_APPOINTMENT, APPOINTMENT, List.of(), "mboc_deleteAppointment");
    appointmentUpdate("Category", "category");
    appointmentUpdate("TimeMarker", "time_marker");
    appointmentUpdate("Importance", "importance");
    appointmentUpdate("Locked", "locked");
    appointmentUpdate("PlanningQty", "planning_qty");
    add(Operation.UPDATE_APPOINTMENT, APPOINTMENT, List.of("planning_qty"), "mboc_upsertAppointmentPlanningQuantity");
    appointmentUpdate("Content", "subject", "body");
    appointmentClear("Category", "category");
    appointmentClear("TimeMarker", "time_marker");
    appointmentClear("Importance", "importance");
    appointmentClear("Locked", "locked");
    appointmentClear("PlanningQty", "planning_qty");
    add(Operation.UPSERT_APPOINTMENT_RECORD, APPOINTMENT_URI, List.of(), "mboc_upsertAppointmentUrl");
    add(Operation.DELETE_APPOINTMENT_RECORD, APPOINTMENT_URI, List.of(), "mboc_deleteAppointmentUrl");
    add(Operation.UPSERT_APPOINTMENT_RECORD, APPOINTMENT_FIELD_VALUE, List.of(), "mboc_updateAppointmentFieldValues");
    add(Operation.DELETE_APPOINTMENT_RECORD, APPOINTMENT_FIELD_VALUE, List.of(), "mboc_deleteAppointmentFieldValues");
    add(Operation.ASSIGN, ASSIGNMENT, List.of(), "mboc_addAppointmentResource", "mboc_upsertAppointmentResource");
    add(Operation.UNASSIGN, ASSIGNMENT, List.of(), "mboc_deleteAppointmentResource");

    // NET sends mboc_addConnector, JS mboc_upsertConnector: both upsert by Source App.
    add(Operation.UPSERT_CONNECTOR, CONNECTOR, List.of(), "mboc_upsertConnector", "mboc_addConnector");
    add(Operation.DELETE_CONNECTOR, CONNECTOR, List.of(), "mboc_deleteConnector");
  }

  private ProcedureCatalog() {}

  public static Optional<Procedure> find(String name) {
    return Optional.ofNullable(name).map(n -> PROCEDURES.get(n.trim().toLowerCase(Locale.ROOT)));
  }

  /** An enumerated column's labels by value ({@code notification.notification_type}: 0 Info, 1 Warning, 2 Error). */
  public static Map<Integer, String> labels(String table, String column) {
    return all().stream().map(Procedure::target).filter(target -> target.table().equals(table))
        .map(target -> target.enums().get(column)).filter(Objects::nonNull).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(table + "." + column + " is not enumerated"));
  }

  public static List<Procedure> all() {
    return PROCEDURES.values().stream().distinct().toList();
  }

  private static void upsertAndDelete(String entity, Target target) {
    add(Operation.UPSERT, target, List.of(), "mboc_upsert" + entity);
    add(Operation.DELETE, target, List.of(), "mboc_delete" + entity);
  }

  /** The current SDKs say update..., older ones upsert...: both reach the same procedure. */
  private static void appointmentUpdate(String attribute, String... columns) {
    add(Operation.UPDATE_APPOINTMENT, APPOINTMENT, List.of(columns),
        "mboc_updateAppointment" + attribute, "mboc_upsertAppointment" + attribute);
  }

  /** The .NET SDK names these deletes (and sends none of them); the JS SDK deletes a time marker by its route. */
  private static void appointmentClear(String attribute, String... columns) {
    add(Operation.CLEAR_APPOINTMENT, APPOINTMENT, List.of(columns), "mboc_deleteAppointment" + attribute);
  }

  private static void add(Operation operation, Target target, List<String> columns, String name, String... aliases) {
    Procedure procedure = new Procedure(name, operation, target, columns);
    PROCEDURES.put(name.toLowerCase(Locale.ROOT), procedure);
    for (String alias : aliases) {
      PROCEDURES.put(alias.toLowerCase(Locale.ROOT), procedure);
    }
  }
}
