package org.planbridge.planning.control;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.planbridge.planning.entity.ActionUri;
import org.planbridge.planning.entity.Appointment;
import org.planbridge.planning.entity.Category;
import org.planbridge.planning.entity.FilterGroup;
import org.planbridge.planning.entity.FilterValue;
import org.planbridge.planning.entity.Job;
import org.planbridge.planning.entity.Pin;
import org.planbridge.planning.entity.Resource;
import org.planbridge.planning.entity.ResourceFilterValue;
import org.planbridge.planning.entity.Task;
import org.planbridge.planning.entity.TaskFilterValue;
import org.planbridge.planning.entity.TimeMarker;

/**
 * The collections the read API lists, each with its entity. Which filters a collection accepts is
 * not written down here but read from the entity's fields, so a filter is offered exactly where
 * the table has the column.
 */
public enum PlanningCollection {
  JOBS("jobs", Job.class),
  TASKS("tasks", Task.class),
  APPOINTMENTS("appointments", Appointment.class),
  RESOURCES("resources", Resource.class),
  CATEGORIES("categories", Category.class),
  TIME_MARKERS("timeMarkers", TimeMarker.class),
  PINS("pins", Pin.class),
  FILTER_GROUPS("filterGroups", FilterGroup.class),
  FILTER_VALUES("filterValues", FilterValue.class),
  TASK_FILTER_VALUES("taskFilterValues", TaskFilterValue.class),
  RESOURCE_FILTER_VALUES("resourceFilterValues", ResourceFilterValue.class),
  ACTION_URIS("actionUris", ActionUri.class);

  /** Equality filters on business keys; each is also the entity attribute it compares. */
  public static final List<String> KEY_FILTERS = List.of("sourceApp", "sourceType", "jobNo", "taskNo", "resourceNo");

  private final String path;
  private final Class<?> entity;

  PlanningCollection(String path, Class<?> entity) {
    this.path = path;
    this.entity = entity;
  }

  public String path() {
    return path;
  }

  public Class<?> entity() {
    return entity;
  }

  /** The key filters this collection accepts, in {@link #KEY_FILTERS} order. */
  public List<String> filters() {
    return KEY_FILTERS.stream().filter(this::hasField).toList();
  }

  /** Whether the entity or one of its mapped superclasses (e.g. {@code FromBackOffice}) declares the field. */
  private boolean hasField(String name) {
    return Stream.<Class<?>>iterate(entity, type -> type != null, Class::getSuperclass)
        .flatMap(type -> Arrays.stream(type.getDeclaredFields()))
        .anyMatch(field -> field.getName().equals(name));
  }
}
