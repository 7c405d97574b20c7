package org.planbridge.planning.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
 * The answer shapes of {@link PlanningReadResource} for OpenAPI only: the answers are
 * {@code control.Page} instances, whose generic item type OpenAPI cannot see, so each collection's
 * page is spelled out here once with its item schema.
 */
final class PageSchemas {

  private PageSchemas() {}

  @Schema(name = "JobPage", description = "total counts the rows matching the filters in all pages; items are one page of jobs.")
  static final class JobPage {
    public List<Job> items;
    public long total; // Payara describes a long as "number" and ignores a @Schema type on it
    public int offset;
    public int limit;
  }

  @Schema(name = "TaskPage", description = "total counts the rows matching the filters in all pages; items are one page of tasks.")
  static final class TaskPage {
    public List<Task> items;
    public long total;
    public int offset;
    public int limit;
  }

  @Schema(name = "AppointmentPage", description = "total counts the rows matching the filters in all pages; items are one page of appointments.")
  static final class AppointmentPage {
    public List<Appointment> items;
    public long total;
    public int offset;
    public int limit;
  }

  @Schema(name = "ResourcePage", description = "total counts the rows matching the filters in all pages; items are one page of resources.")
  static final class ResourcePage {
    public List<Resource> items;
    public long total;
    public int offset;
    public int limit;
  }

  @Schema(name = "CategoryPage", description = "total counts the rows matching the filters in all pages; items are one page of categories.")
  static final class CategoryPage {
    public List<Category> items;
    public long total;
    public int offset;
    public int limit;
  }

  @Schema(name = "TimeMarkerPage", description = "total counts the rows matching the filters in all pages; items are one page of time markers.")
  static final class TimeMarkerPage {
    public List<TimeMarker> items;
    public long total;
    public int offset;
    public int limit;
  }

  @Schema(name = "PinPage", description = "total counts the rows matching the filters in all pages; items are one page of pins.")
  static final class PinPage {
    public List<Pin> items;
    public long total;
    public int offset;
    public int limit;
  }

  @Schema(name = "FilterGroupPage", description = "total counts the rows matching the filters in all pages; items are one page of filter groups.")
  static final class FilterGroupPage {
    public List<FilterGroup> items;
    public long total;
    public int offset;
    public int limit;
  }

  @Schema(name = "FilterValuePage", description = "total counts the rows matching the filters in all pages; items are one page of filter values.")
  static final class FilterValuePage {
    public List<FilterValue> items;
    public long total;
    public int offset;
    public int limit;
  }

  @Schema(name = "TaskFilterValuePage", description = "total counts the rows matching the filters in all pages; items are one page of filter values of tasks.")
  static final class TaskFilterValuePage {
    public List<TaskFilterValue> items;
    public long total;
    public int offset;
    public int limit;
  }

  @Schema(name = "ResourceFilterValuePage", description = "total counts the rows matching the filters in all pages; items are one page of filter values of resources.")
  static final class ResourceFilterValuePage {
    public List<ResourceFilterValue> items;
    public long total;
    public int offset;
    public int limit;
  }

  @Schema(name = "ActionUriPage", description = "total counts the rows matching the filters in all pages; items are one page of action URIs.")
  static final class ActionUriPage {
    public List<ActionUri> items;
    public long total;
    public int offset;
    public int limit;
  }
}
