package org.planbridge.planning.control;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The planning tables as the API reads them, described once: the paged read's path ({@code GET /api/jobs}), the
 * SDKs' route whose {@code GET} lists the records as an array ({@code GET /api/job}), the table, and the names the
 * SDK models give columns whose model field is not the column's camelCase ({@code category_name} is a category's
 * {@code name}). Everything else comes from the table's columns in the database's metadata: the fields of a row,
 * their types, and which key filters the collection takes, so a new table is a migration and a line here.
 */
public enum PlanningCollection {
  JOBS("jobs", "job", "job"),
  TASKS("tasks", "task", "task",
      "task_index", "index", "constraint_date", "constraintDatetime",
      "url_desc1", "urlDescription1", "url_desc2", "urlDescription2", "url_desc3", "urlDescription3",
      "planning_uom", "planningUOM", "planning_uom_conversion", "planningUOMConversion", "round_to_uom", "roundToUOM"),
  APPOINTMENTS("appointments", "appointment", "appointment",
      "appointment_id", "id", "start_time", "start", "end_time", "end", "is_all_day_event", "isAllDay",
      "backoffice_id", "backOfficeId", "backoffice_parent_id", "backOfficeParentId",
      "planning_uom", "unitOfMeasure", "planning_uom_conversion", "unitOfMeasureConversion",
      "planning_qty", "planningQuantity", "use_fix_planning_qty", "useFixedPlanningQuantity",
      "round_to_uom", "roundToUnitOfMeasure"),
  RESOURCES("resources", "resource", "resource",
      "url_desc1", "urlDescription1", "url_desc2", "urlDescription2", "url_desc3", "urlDescription3"),
  // The SDKs' route for categories is plural, so their GET answers the list and a page is at categoryPages.
  CATEGORIES("categoryPages", "categories", "category", "category_name", "name", "category_hex_color", "color"),
  TIME_MARKERS("timeMarkers", "timeMarker", "time_marker", "time_marker", "name", "hex_color", "color"),
  PINS("pins", "pin", "pin", "hex_color", "color"),
  FILTER_GROUPS("filterGroups", "filterGroup", "filter_group", "group_name", "name"),
  FILTER_VALUES("filterValues", "filterValue", "filter_value", "filter_group_name", "group", "filter_value", "value"),
  TASK_FILTER_VALUES("taskFilterValues", "taskFilterValue", "task_filter_value"),
  RESOURCE_FILTER_VALUES("resourceFilterValues", "resourceFilterValue", "resource_filter_value"),
  ACTION_URIS("actionUris", "actionuri", "action_uri",
      "url_type", "uriType", "url", "uri", "url_desc", "description", "default_url", "default"),
  CAPTIONS("captions", "caption", "caption", "caption", "text"),
  CONTAINERS("containers", "container", "container"),
  TASK_CONTAINERS("taskContainers", "taskContainer", "task_container", "container_name", "name",
      "container_index", "index"),
  APPOINTMENT_CONTAINERS("appointmentContainers", "appointmentContainer", "appointment_container"),
  APPOINTMENT_URIS("appointmentUris", "appointmentUri", "appointment_uri", "url", "uri", "url_desc", "description"),
  APPOINTMENT_FIELD_VALUES("appointmentFieldValues", "appointmentFieldValue", "appointment_field_value"),
  NOTIFICATIONS("notifications", "notification", "notification", "mboc_id", "connectorId", "notification_type", "type",
      "notification_code", "code", "notification_text", "text", "notification_date", "date"),
  MESSAGES("messages", "message", "message", "user_name", "user"),
  RESOURCE_CALENDARS("resourceCalendars", "resourceCalendar", "resource_calendar", "resource_calendar_code", "code"),
  RESOURCE_CAPACITIES("resourceCapacities", "resourceCapacity", "resource_capacity", "capacity_date", "date",
      "capacity_qty", "quantity", "capacity_uom", "unitOfMeasure", "capacity_uom_conversion", "unitOfMeasureConversion"),
  RESOURCE_GPS_TRACKINGS("resourceGpsTrackings", "resourceGpsTracking", "resource_gps_tracking"),
  RESOURCE_CERTIFICATES("resourceCertificates", "resourceCertificate", "resource_certificate", "certificate_no", "no"),
  RESOURCE_URIS("resourceUris", "resourceUri", "resource_uri", "url", "uri", "url_desc", "description"),
  TASK_URIS("taskUris", "taskUri", "task_uri", "url", "uri", "url_desc", "description"),
  // Import only in the SDKs (no typed route): the list route is PlanBridge's.
  EXCHANGE_APPOINTMENTS("exchangeAppointments", "exchangeAppointment", "exchange_appointment",
      "start_time", "start", "end_time", "end"),
  // The planning board's users: their password's hash is never read (SECRET).
  BOARD_USERS("users", "user", "board_user", "login_type", "type"),
  // Read only, from what the back office sent: the calendars resources and tasks name, the resources' types.
  CALENDARS("calendars", "calendar", "calendar"),
  RESOURCE_TYPES("resourceTypes", "resourceType", "resource_type", "resource_type_id", "id");

  /** Equality filters on business keys, by query parameter name; each is a column's camelCase. */
  public static final List<String> KEY_FILTERS = List.of("sourceApp", "sourceType", "jobNo", "taskNo", "resourceNo");

  /** Columns the database keeps: readable, never written by a client, not part of an SDK model. */
  public static final Set<String> TRACKING = Set.of("row_version", "created_at", "updated_at");

  /** Columns no read answers and no client names: what a secret became (a user's password's hash). */
  public static final Set<String> SECRET = Set.of("password_hash");

  private final String path;
  private final String route;
  private final String table;
  private final Map<String, String> modelNames;

  PlanningCollection(String path, String route, String table, String... columnsAndModelNames) {
    this.path = path;
    this.route = route;
    this.table = table;
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndModelNames.length; i += 2) {
      names.put(columnsAndModelNames[i], columnsAndModelNames[i + 1]);
    }
    this.modelNames = Map.copyOf(names);
  }

  /** A table's columns as the reads see them: all but the {@link #SECRET} ones, in the table's order. */
  public static Map<String, Column> readable(Map<String, Column> columns) {
    if (columns.keySet().stream().noneMatch(SECRET::contains)) {
      return columns;
    }
    Map<String, Column> readable = new LinkedHashMap<>(columns);
    readable.keySet().removeAll(SECRET);
    return readable;
  }

  /** The paged read: {@code GET /api/<path>}. */
  public String path() {
    return path;
  }

  /** The SDKs' route: {@code GET /api/<route>} answers every matching record as a JSON array. */
  public String route() {
    return route;
  }

  public String table() {
    return table;
  }

  /** The collection read at {@code path} (exact spelling, as JAX-RS matches the other routes). */
  public static Optional<PlanningCollection> byPath(String path) {
    return Arrays.stream(values()).filter(c -> c.path.equals(path)).findFirst();
  }

  /** The collection an SDK route lists; routes match without regard to case, as the SDKs spell them differently. */
  public static Optional<PlanningCollection> byRoute(String route) {
    String wanted = route.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.route.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
  }

  /** A column's field in the paged reads: its camelCase ({@code start_time} is {@code startTime}). */
  public static String fieldOf(String column) {
    StringBuilder field = new StringBuilder(column.length());
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        field.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return field.toString();
  }

  /** A column's field in the SDK model ({@code GET /api/<route>}): its model name, or else its camelCase. */
  public String modelFieldOf(String column) {
    return modelNames.getOrDefault(column, fieldOf(column));
  }

  /** The columns whose SDK model name is not their camelCase, with that name. */
  public Map<String, String> modelNames() {
    return modelNames;
  }

  /** The key filters this table takes (those of {@link #KEY_FILTERS} it has a column for), in that order. */
  public static List<String> filters(Set<String> columns) {
    return KEY_FILTERS.stream().filter(filter -> columns.contains(columnOf(filter))).toList();
  }

  /** The column behind a key filter: {@code jobNo} is {@code job_no}. */
  public static String columnOf(String filter) {
    StringBuilder column = new StringBuilder(filter.length() + 4);
    for (char c : filter.toCharArray()) {
      if (Character.isUpperCase(c)) {
        column.append('_').append(Character.toLowerCase(c));
      } else {
        column.append(c);
      }
    }
    return column.toString();
  }
}
