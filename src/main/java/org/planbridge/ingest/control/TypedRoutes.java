package org.planbridge.ingest.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.planbridge.platform.control.BadBody;
import org.planbridge.platform.control.JsonBody;

/**
 * The typed routes of the SDKs ({@code POST /api/job}, {@code DELETE /api/appointment}, ...): each
 * is a procedure per verb, and each JSON object in the body becomes one procedure call whose
 * parameters are the object's fields. Field names are matched like parameter names, with the
 * model names of the SDKs as aliases (see {@link ProcedureCatalog}).
 */
public final class TypedRoutes {

  /** The procedures behind a route; null where the verb has no meaning for it. */
  public record Route(String create, String update, String delete) {
    public Optional<String> procedureFor(String method) {
      return Optional.ofNullable(switch (method) {
        case "POST" -> create;
        case "PUT" -> update;
        case "DELETE" -> delete;
        default -> null;
      });
    }

    /** The verbs the route takes, for an Allow header. */
    public List<String> methods() {
      return java.util.stream.Stream.of(create == null ? null : "POST", update == null ? null : "PUT",
          delete == null ? null : "DELETE").filter(Objects::nonNull).toList();
    }
  }

  /** The route of the planning board's users; the .NET SDK reaches it as {@code Administration/Users/<action>}. */
  public static final String USER_ROUTE = "user";

  private static final Map<String, Route> ROUTES = Map.ofEntries(
      entity("job", "Job"), entity("task", "Task"), entity("resource", "Resource"),
      entity("categories", "Category"), entity("timeMarker", "TimeMarker"), entity("pin", "Pin"),
      entity("filterGroup", "FilterGroup"), entity("filterValue", "FilterValue"),
      entity("taskFilterValue", "TaskFilterValue"), entity("resourceFilterValue", "ResourceFilterValue"),
      entity("appointment", "Appointment"),
      Map.entry("actionuri", new Route("mboc_upsertActionUrl", "mboc_upsertActionUrl", "mboc_deleteActionUrl")),
      Map.entry("assignment", new Route("mboc_addAppointmentResource", "mboc_addAppointmentResource",
          "mboc_deleteAppointmentResource")),
      attribute("appointmentCategory", "mboc_updateAppointmentCategory", "mboc_deleteAppointmentCategory"),
      attribute("appointmentImportance", "mboc_updateAppointmentImportance", "mboc_deleteAppointmentImportance"),
      attribute("appointmentLocked", "mboc_updateAppointmentLocked", "mboc_deleteAppointmentLocked"),
      attribute("appointmentPlanningQuantity", "mboc_updateAppointmentPlanningQty", "mboc_deleteAppointmentPlanningQty"),
      attribute("appointmentTimeMarker", "mboc_updateAppointmentTimeMarker", "mboc_deleteAppointmentTimeMarker"),
      attribute("appointmentContent", "mboc_updateAppointmentContent"),
      attribute("taskLocked", "mboc_updateTaskLocked"),
      attribute("taskTimeMarker", "mboc_updateTaskTimeMarker"),
      attribute("taskCategory", "mboc_updateTaskCategory"),
      entity("caption", "Caption"), entity("container", "Container"), entity("taskContainer", "TaskContainer"),
      entity("appointmentContainer", "AppointmentContainer"), entity("notification", "Notification"),
      Map.entry("message", new Route("planbridge_postMessage", null, null)),
      Map.entry(USER_ROUTE, new Route("planbridge_upsertUser", "planbridge_upsertUser", "planbridge_deleteUser")),
      attribute("appointmentFieldValue", "mboc_updateAppointmentFieldValues", "mboc_deleteAppointmentFieldValues"),
      entity("resourceCalendar", "ResourceCalendar"), entity("resourceCapacity", "ResourceCapacity"),
      entity("resourceGpsTracking", "ResourceGpsTracking"), entity("resourceCertificate", "ResourceCertificate"),
      entity("resourceUri", "ResourceUrl"), entity("taskUri", "TaskUrl"), entity("appointmentUri", "AppointmentUrl"),
      Map.entry("connector", new Route("mboc_upsertConnector", "mboc_upsertConnector", "mboc_deleteConnector")));

  private static final Map<String, String> USER_ACTIONS = Map.of("create", "POST", "update", "PUT", "delete",
      "DELETE");

  private TypedRoutes() {}

  /** The verb on {@link #USER_ROUTE} a .NET SDK user action ({@code Create}, {@code Update}, {@code Delete}) means. */
  public static Optional<String> userActionVerb(String action) {
    return Optional.ofNullable(USER_ACTIONS.get(action.toLowerCase(Locale.ROOT)));
  }

  public static Optional<Route> find(String route) {
    return Optional.ofNullable(ROUTES.get(route.toLowerCase(Locale.ROOT)));
  }

  /** A typed route whose DELETE runs {@code procedure}, for messages (the first by name when several do). */
  public static Optional<String> deleting(String procedure) {
    return ROUTES.entrySet().stream().filter(entry -> procedure.equalsIgnoreCase(entry.getValue().delete()))
        .map(Map.Entry::getKey).sorted().findFirst();
  }

  public static String names() {
    return ROUTES.keySet().stream().sorted().collect(Collectors.joining(", "));
  }

  /** Reads a typed route's body: a JSON array of objects, or one object, and nothing after it. */
  public static JsonStructure read(InputStream body) {
    JsonValue value;
    try {
      value = JsonBody.read(body, "a JSON array of objects");
    } catch (BadBody e) {
      throw ImportRejected.of(e);
    }
    if (value instanceof JsonStructure structure) {
      return structure;
    }
    throw ImportRejected.request("The body must be a JSON array of objects, or one object.");
  }

  /** The body's objects (an array of them, or one: the .NET SDK sends one) as procedure calls. */
  public static List<ImportItem> items(JsonStructure body, String procedure) {
    List<JsonValue> objects = body instanceof JsonArray array ? array : List.of(body);
    List<ImportItem> items = new ArrayList<>(objects.size());
    for (JsonValue value : objects) {
      int index = items.size();
      if (!(value instanceof JsonObject object)) {
        throw ImportRejected.item(index, procedure, null, "must be a JSON object");
      }
      List<String> names = new ArrayList<>(object.size());
      List<String> values = new ArrayList<>(object.size());
      object.forEach((field, fieldValue) -> {
        names.add(field);
        values.add(text(fieldValue, index, procedure, field));
      });
      items.add(new ImportItem(index, procedure, names, values));
    }
    return items;
  }

  private static String text(JsonValue value, int index, String procedure, String field) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).toString();
      case TRUE -> "true";
      case FALSE -> "false";
      case NULL -> null;
      case ARRAY -> ((JsonArray) value).stream().map(v -> text(v, index, procedure, field))
          .filter(Objects::nonNull).collect(Collectors.joining(";"));
      case OBJECT -> throw ImportRejected.item(index, procedure, field, "must be a value or a list, not an object");
    };
  }

  private static Map.Entry<String, Route> entity(String route, String entity) {
    return Map.entry(route.toLowerCase(Locale.ROOT),
        new Route("mboc_upsert" + entity, "mboc_upsert" + entity, "mboc_delete" + entity));
  }

  private static Map.Entry<String, Route> attribute(String route, String procedure) {
    return attribute(route, procedure, null);
  }

  /** An attribute of a record: set by POST or PUT, cleared by DELETE where {@code clear} names how. */
  private static Map.Entry<String, Route> attribute(String route, String procedure, String clear) {
    return Map.entry(route.toLowerCase(Locale.ROOT), new Route(procedure, procedure, clear));
  }
}
