package org.planbridge.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.planbridge.planning.control.PlanningCollection;

/**
 * Every route and procedure of the public SDKs at the commits docs/dime-sdk-reference.md names (sdk-dotnet
 * 7eae5d3e, sdk-js 8d7569be and its branch new-apis-vnext 6d088cd2) is one PlanBridge has, except those
 * {@link #NOT_YET} lists; and each of those is really still missing, so that the list stays true as it shrinks.
 */
class SdkSurfaceTest {

  /** {@code "METHOD route"} as the SDKs call them, relative to the API's base. */
  static final List<String> ROUTES = List.of(
      // .NET: DefaultEndpoint (POST, PUT, DELETE)
      "POST actionuri", "PUT actionuri", "DELETE actionuri", "POST caption", "PUT caption", "DELETE caption",
      "POST categories", "PUT categories", "DELETE categories", "POST connector", "PUT connector", "DELETE connector",
      "POST container", "PUT container", "DELETE container", "POST filterGroup", "PUT filterGroup",
      "DELETE filterGroup", "POST filterValue", "PUT filterValue", "DELETE filterValue", "POST job", "PUT job",
      "DELETE job", "POST notification", "PUT notification", "DELETE notification", "POST pin", "PUT pin",
      "DELETE pin", "POST timeMarker", "PUT timeMarker", "DELETE timeMarker",
      // .NET: appointment, task and resource endpoints (update is POST)
      "POST appointment", "DELETE appointment", "POST assignment", "DELETE assignment", "POST appointmentCategory",
      "POST appointmentcontent", "POST appointmentLocked", "POST appointmentTimeMarker", "POST appointmentUri",
      "DELETE appointmentUri", "POST appointmentContainer", "DELETE appointmentContainer",
      "POST appointmentImportance", "POST appointmentPlanningQuantity", "POST appointmentFieldValue",
      "DELETE appointmentFieldValue", "POST resource", "DELETE resource", "POST resourceFilterValue",
      "DELETE resourceFilterValue", "POST resourceCalendar", "DELETE resourceCalendar", "POST resourceCapacity",
      "DELETE resourceCapacity", "POST resourceGpsTracking", "DELETE resourceGpsTracking", "POST resourceCertificate",
      "DELETE resourceCertificate", "POST resourceUri", "DELETE resourceUri", "POST task", "DELETE task",
      "POST taskLocked", "POST taskUri", "DELETE taskUri", "POST taskContainer", "DELETE taskContainer",
      "POST taskFilterValue", "DELETE taskFilterValue", "POST taskTimeMarker", "POST taskCategory", "POST message",
      "POST import", "POST Administration/Users/Create", "POST Administration/Users/Update",
      "POST Administration/Users/Delete",
      // JS: typed routes (PUT where .NET posts), its own spellings, users, lists
      "PUT appointment", "PUT assignment", "PUT appointmentContainer", "POST appointmentContent",
      "PUT appointmentTimeMarker", "DELETE appointmentTimeMarker", "PUT appointmentUri", "PUT task",
      "PUT taskContainer", "PUT taskFilterValue", "PUT taskUri", "PUT resource", "PUT resourceFilterValue",
      "POST resourcecalendar", "PUT resourcecalendar", "DELETE resourcecalendar", "PUT resourceCapacity",
      "PUT resourceGpsTracking", "POST resourceuri", "PUT resourceuri", "DELETE resourceuri", "POST user", "PUT user",
      "DELETE user", "GET calendar", "GET categories", "GET container", "GET filterGroup", "GET filterValue",
      "GET pin", "GET resource", "GET resourceType", "GET timeMarker",
      // JS new-apis-vnext
      "GET actionuri", "GET task", "GET appointment", "GET resourceCapacity");

  /** Every procedure name either SDK sends (and the older spellings, which older clients still send). */
  static final List<String> PROCEDURES = List.of(
      "mboc_upsertAppointment", "mboc_deleteAppointment", "mboc_updateAppointmentImportance",
      "mboc_deleteAppointmentImportance", "mboc_updateAppointmentLocked", "mboc_deleteAppointmentLocked",
      "mboc_updateAppointmentPlanningQty", "mboc_deleteAppointmentPlanningQty", "mboc_updateAppointmentCategory",
      "mboc_deleteAppointmentCategory", "mboc_updateAppointmentTimeMarker", "mboc_deleteAppointmentTimeMarker",
      "mboc_updateAppointmentContent", "mboc_upsertAppointmentUrl", "mboc_deleteAppointmentUrl",
      "mboc_updateAppointmentFieldValues", "mboc_deleteAppointmentFieldValues", "mboc_addAppointmentResource",
      "mboc_deleteAppointmentResource", "mboc_addConnector", "mboc_deleteConnector", "mboc_upsertTask",
      "mboc_deleteTask", "mboc_upsertTaskFilterValue", "mboc_deleteTaskFilterValue", "mboc_ClearTaskFilterValue",
      "mboc_upsertTaskUrl", "mboc_deleteTaskUrl", "mboc_upsertActionUrl", "mboc_upsertFilterValue",
      "mboc_deleteFilterValue", "mboc_upsertFilterGroup", "mboc_deleteFilterGroup", "mboc_updateTaskLocked",
      "mboc_upsertTaskContainer", "mboc_deleteTaskContainer", "mboc_upsertCategory", "mboc_deleteCategory",
      "mboc_upsertTimeMarker", "mboc_deleteTimeMarker", "mboc_upsertPin", "mboc_deletePin",
      "mboc_upsertNotification", "mboc_deleteNotification", "mboc_upsertJob", "mboc_deleteJob",
      "mboc_upsertResource", "mboc_deleteResource", "mboc_upsertResourceFilterValue",
      "mboc_deleteResourceFilterValue", "mboc_ClearResourceFilterValue", "mboc_upsertResourceUrl",
      "mboc_upsertResourceGpsTracking", "mboc_deleteResourceGpsTracking", "mboc_upsertResourceCertificate",
      "mboc_deleteResourceCertificate", "mboc_upsertResourceCapacity", "mboc_deleteResourceCapacity",
      "mboc_upsertResourceCalendar", "mboc_deleteResourceCalendar", "mboc_upsertCaption", "mboc_deleteCaption",
      "mboc_upsertContainer", "mboc_deleteContainer", "mboc_upsertAppointmentContainer",
      "mboc_deleteAppointmentContainer", "mboc_upsertExchangeAppointment", "mboc_deleteExchangeAppointment",
      // JS
      "mboc_upsertAppointmentResource", "mboc_upsertConnector", "mboc_deleteResourceUrl",
      // older and pre-release SDKs
      "mboc_upsertAppointmentCategory", "mboc_upsertAppointmentTimeMarker", "mboc_upsertAppointmentImportance",
      "mboc_upsertAppointmentLocked", "mboc_upsertAppointmentPlanningQty", "mboc_upsertAppointmentPlanningQuantity",
      "mboc_upsertTaskLocked");

  /** What is still to build: nothing; a route or procedure the SDKs add goes here until it is built. */
  static final Set<String> NOT_YET = Set.of();

  private static final String ADMINISTRATION_USERS = "Administration/Users/";

  @Test
  void everyRouteAndProcedureOfTheSdksExistsButThoseNotYetBuilt() {
    Set<String> missing = new TreeSet<>();
    for (String call : ROUTES) {
      if (!exists(call)) {
        missing.add(call);
      }
    }
    for (String procedure : PROCEDURES) {
      if (ProcedureCatalog.find(procedure).isEmpty()) {
        missing.add(procedure);
      }
    }
    assertEquals(new TreeSet<>(NOT_YET), missing, "what is missing is what NOT_YET says: build it, or list it");
  }

  @Test
  void theListsHaveNoDuplicates() {
    List<String> all = new ArrayList<>(ROUTES);
    all.addAll(PROCEDURES);
    assertEquals(all.size(), new TreeSet<>(all).size(), "a route or procedure is listed twice");
  }

  private static boolean exists(String call) {
    String method = call.substring(0, call.indexOf(' '));
    String route = call.substring(call.indexOf(' ') + 1);
    if (route.equals("import")) {
      return method.equals("POST");
    }
    if (route.startsWith(ADMINISTRATION_USERS)) {
      return method.equals("POST") && TypedRoutes.userActionVerb(route.substring(ADMINISTRATION_USERS.length()))
          .flatMap(verb -> TypedRoutes.find(TypedRoutes.USER_ROUTE).flatMap(found -> found.procedureFor(verb)))
          .isPresent();
    }
    if (method.equals("GET")) {
      return PlanningCollection.byRoute(route).isPresent();
    }
    return TypedRoutes.find(route).flatMap(found -> found.procedureFor(method)).isPresent();
  }
}
