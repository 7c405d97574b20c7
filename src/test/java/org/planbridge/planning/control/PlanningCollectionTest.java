package org.planbridge.planning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanningCollectionTest {

  @Test
  void filtersFollowTheColumnsOfEachTable() {
    assertEquals(List.of("sourceApp", "sourceType", "jobNo"), PlanningCollection.JOBS.filters());
    assertEquals(List.of("sourceApp", "sourceType", "jobNo", "taskNo"), PlanningCollection.TASKS.filters());
    assertEquals(List.of("sourceApp", "sourceType", "jobNo", "taskNo"), PlanningCollection.APPOINTMENTS.filters());
    assertEquals(List.of("sourceApp", "sourceType", "resourceNo"), PlanningCollection.RESOURCES.filters());
    assertEquals(List.of("sourceApp", "sourceType", "jobNo", "taskNo"), PlanningCollection.TASK_FILTER_VALUES.filters());
    assertEquals(List.of("sourceApp", "sourceType", "resourceNo"), PlanningCollection.RESOURCE_FILTER_VALUES.filters());
    assertEquals(List.of("sourceApp", "sourceType"), PlanningCollection.ACTION_URIS.filters());
    for (PlanningCollection plain : List.of(PlanningCollection.CATEGORIES, PlanningCollection.TIME_MARKERS,
        PlanningCollection.PINS, PlanningCollection.FILTER_GROUPS, PlanningCollection.FILTER_VALUES)) {
      assertEquals(List.of(), plain.filters(), plain.path());
    }
  }

  @Test
  void pathsAreTheApiNames() {
    assertEquals(List.of("jobs", "tasks", "appointments", "resources", "categories", "timeMarkers", "pins", "filterGroups",
            "filterValues", "taskFilterValues", "resourceFilterValues", "actionUris"),
        Arrays.stream(PlanningCollection.values()).map(PlanningCollection::path).toList());
  }
}
