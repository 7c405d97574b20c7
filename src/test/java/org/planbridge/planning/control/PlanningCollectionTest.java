package org.planbridge.planning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.MigratedSchema;

class PlanningCollectionTest {

  @Test
  void filtersFollowTheColumnsOfEachTable() {
    assertEquals(List.of("sourceApp", "sourceType", "jobNo"), filters(PlanningCollection.JOBS));
    assertEquals(List.of("sourceApp", "sourceType", "jobNo", "taskNo"), filters(PlanningCollection.TASKS));
    assertEquals(List.of("sourceApp", "sourceType", "jobNo", "taskNo"), filters(PlanningCollection.APPOINTMENTS));
    assertEquals(List.of("sourceApp", "sourceType", "resourceNo"), filters(PlanningCollection.RESOURCES));
    assertEquals(List.of("sourceApp", "sourceType", "jobNo", "taskNo"), filters(PlanningCollection.TASK_FILTER_VALUES));
    assertEquals(List.of("sourceApp", "sourceType", "resourceNo"), filters(PlanningCollection.RESOURCE_FILTER_VALUES));
    assertEquals(List.of("sourceApp", "sourceType"), filters(PlanningCollection.ACTION_URIS));
    for (PlanningCollection plain : List.of(PlanningCollection.CATEGORIES, PlanningCollection.TIME_MARKERS,
        PlanningCollection.PINS, PlanningCollection.FILTER_GROUPS, PlanningCollection.FILTER_VALUES)) {
      assertEquals(List.of(), filters(plain), plain.path());
    }
  }

  @Test
  void pathsAreTheApiNames() {
    assertEquals(List.of("jobs", "tasks", "appointments", "resources", "categoryPages", "timeMarkers", "pins", "filterGroups",
            "filterValues", "taskFilterValues", "resourceFilterValues", "actionUris", "captions", "containers",
            "taskContainers", "appointmentContainers", "appointmentUris", "appointmentFieldValues", "notifications",
            "messages", "resourceCalendars", "resourceCapacities", "resourceGpsTrackings", "resourceCertificates",
            "resourceUris", "taskUris", "exchangeAppointments", "users", "calendars", "resourceTypes"),
        Arrays.stream(PlanningCollection.values()).map(PlanningCollection::path).toList());
  }

  @Test
  void everyModelNameNamesAColumnOfItsTableAndNoTwoFieldsCollide() {
    for (PlanningCollection collection : PlanningCollection.values()) {
      Set<String> columns = MigratedSchema.columnNames(collection.table());
      collection.modelNames().keySet().forEach(column ->
          assertTrue(columns.contains(column), collection + " names " + column + ", which " + collection.table()
              + " does not have"));
      Set<String> fields = new HashSet<>();
      for (String column : columns) {
        assertTrue(fields.add(collection.modelFieldOf(column).toLowerCase()), collection + ": two columns are "
            + collection.modelFieldOf(column));
      }
    }
  }

  @Test
  void columnsAndFieldsConvertBothWays() {
    assertEquals("startTime", PlanningCollection.fieldOf("start_time"));
    assertEquals("urlDesc1", PlanningCollection.fieldOf("url_desc1"));
    assertEquals("resource_no", PlanningCollection.columnOf("resourceNo"));
    assertEquals("start", PlanningCollection.APPOINTMENTS.modelFieldOf("start_time"));
    assertEquals("subject", PlanningCollection.APPOINTMENTS.modelFieldOf("subject"));
    assertEquals(PlanningCollection.TIME_MARKERS, PlanningCollection.byRoute("TIMEMARKER").orElseThrow());
    assertFalse(PlanningCollection.byPath("JOBS").isPresent(), "paths match exactly, as JAX-RS matches literal paths");
  }

  private static List<String> filters(PlanningCollection collection) {
    return PlanningCollection.filters(MigratedSchema.columnNames(collection.table()));
  }
}
