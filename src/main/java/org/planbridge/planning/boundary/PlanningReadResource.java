package org.planbridge.planning.boundary;

import static org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY;
import static org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER;
import static org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbridge.planning.control.BadParameter;
import org.planbridge.planning.control.PlanningCollection;
import org.planbridge.planning.control.PlanningReads;
import org.planbridge.planning.control.ReadQuery;
import org.planbridge.platform.boundary.Problem;
import org.planbridge.platform.control.QueryParameters;

/**
 * Read access to the planning model: one {@code GET} per collection, all answered by the same
 * generic read. The class path is {@code ""} on purpose: the Dime-compatible write routes live on
 * another {@code @Path("")} class that answers {@code POST/PUT/DELETE /api/{route}}, and a
 * literal class path such as {@code "categories"} would win the match and shadow them.
 *
 * <p>The OpenAPI parameters are listed per method because each collection accepts different
 * filters; {@link ReadQuery} is what enforces them, and refuses any other parameter with 400.
 */
@Stateless // the read transaction opens here; PlanningReads joins it
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Planning reads", description = "Paged, filtered reads of the planning model and its change feed.")
public class PlanningReadResource {

  static final String LIST = "Rows in ascending row_version order (stable paging). Filters are exact matches and combine with AND;"
      + " a parameter the collection does not accept is answered with 400.";
  static final String OFFSET = "Rows to skip.";
  static final String LIMIT = "Rows per page, 1 to 1000.";
  static final String CHANGED_SINCE = "Only rows updated after this ISO-8601 timestamp with offset (e.g. 2024-05-01T08:00:00Z).";
  static final String SINCE_ROW_VERSION = "Only rows with a row version greater than this: the change feed, resumed from the last row seen.";
  static final String SOURCE_APP = "Exact source app (back office instance).";
  static final String SOURCE_TYPE = "Exact source type (document type in the back office).";
  static final String JOB_NO = "Exact job number.";
  static final String TASK_NO = "Exact task number.";
  static final String RESOURCE_NO = "Exact resource number.";
  static final String BAD_REQUEST = "A query parameter is not valid; problem details name it.";
  static final String UNAUTHORIZED = "Missing or invalid X-API-KEY.";

  @Inject PlanningReads reads;

  @GET
  @Path("jobs")
  @Operation(operationId = "listJobs", summary = "List jobs", description = LIST)
  @Parameter(name = "offset", in = QUERY, description = OFFSET, schema = @Schema(type = INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(name = "limit", in = QUERY, description = LIMIT, schema = @Schema(type = INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
  @Parameter(name = "changedSince", in = QUERY, description = CHANGED_SINCE, schema = @Schema(type = STRING, format = "date-time"))
  @Parameter(name = "sinceRowVersion", in = QUERY, description = SINCE_ROW_VERSION, schema = @Schema(type = INTEGER, format = "int64", minimum = "0"))
  @Parameter(name = "sourceApp", in = QUERY, description = SOURCE_APP, schema = @Schema(type = STRING))
  @Parameter(name = "sourceType", in = QUERY, description = SOURCE_TYPE, schema = @Schema(type = STRING))
  @Parameter(name = "jobNo", in = QUERY, description = JOB_NO, schema = @Schema(type = STRING))
  @APIResponse(responseCode = "200", description = "A page of jobs, in row-version order",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.JobPage.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response jobs(@Context UriInfo uri) {
    return list(PlanningCollection.JOBS, uri);
  }

  @GET
  @Path("tasks")
  @Operation(operationId = "listTasks", summary = "List tasks", description = LIST)
  @Parameter(name = "offset", in = QUERY, description = OFFSET, schema = @Schema(type = INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(name = "limit", in = QUERY, description = LIMIT, schema = @Schema(type = INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
  @Parameter(name = "changedSince", in = QUERY, description = CHANGED_SINCE, schema = @Schema(type = STRING, format = "date-time"))
  @Parameter(name = "sinceRowVersion", in = QUERY, description = SINCE_ROW_VERSION, schema = @Schema(type = INTEGER, format = "int64", minimum = "0"))
  @Parameter(name = "sourceApp", in = QUERY, description = SOURCE_APP, schema = @Schema(type = STRING))
  @Parameter(name = "sourceType", in = QUERY, description = SOURCE_TYPE, schema = @Schema(type = STRING))
  @Parameter(name = "jobNo", in = QUERY, description = JOB_NO, schema = @Schema(type = STRING))
  @Parameter(name = "taskNo", in = QUERY, description = TASK_NO, schema = @Schema(type = STRING))
  @APIResponse(responseCode = "200", description = "A page of tasks, in row-version order",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.TaskPage.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response tasks(@Context UriInfo uri) {
    return list(PlanningCollection.TASKS, uri);
  }

  @GET
  @Path("appointments")
  @Operation(operationId = "listAppointments", summary = "List appointments", description = LIST)
  @Parameter(name = "offset", in = QUERY, description = OFFSET, schema = @Schema(type = INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(name = "limit", in = QUERY, description = LIMIT, schema = @Schema(type = INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
  @Parameter(name = "changedSince", in = QUERY, description = CHANGED_SINCE, schema = @Schema(type = STRING, format = "date-time"))
  @Parameter(name = "sinceRowVersion", in = QUERY, description = SINCE_ROW_VERSION, schema = @Schema(type = INTEGER, format = "int64", minimum = "0"))
  @Parameter(name = "sourceApp", in = QUERY, description = SOURCE_APP, schema = @Schema(type = STRING))
  @Parameter(name = "sourceType", in = QUERY, description = SOURCE_TYPE, schema = @Schema(type = STRING))
  @Parameter(name = "jobNo", in = QUERY, description = JOB_NO, schema = @Schema(type = STRING))
  @Parameter(name = "taskNo", in = QUERY, description = TASK_NO, schema = @Schema(type = STRING))
  @APIResponse(responseCode = "200", description = "A page of appointments, each with the numbers of its assigned resources, in row-version order",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.AppointmentPage.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response appointments(@Context UriInfo uri) {
    return list(PlanningCollection.APPOINTMENTS, uri);
  }

  @GET
  @Path("resources")
  @Operation(operationId = "listResources", summary = "List resources", description = LIST)
  @Parameter(name = "offset", in = QUERY, description = OFFSET, schema = @Schema(type = INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(name = "limit", in = QUERY, description = LIMIT, schema = @Schema(type = INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
  @Parameter(name = "changedSince", in = QUERY, description = CHANGED_SINCE, schema = @Schema(type = STRING, format = "date-time"))
  @Parameter(name = "sinceRowVersion", in = QUERY, description = SINCE_ROW_VERSION, schema = @Schema(type = INTEGER, format = "int64", minimum = "0"))
  @Parameter(name = "sourceApp", in = QUERY, description = SOURCE_APP, schema = @Schema(type = STRING))
  @Parameter(name = "sourceType", in = QUERY, description = SOURCE_TYPE, schema = @Schema(type = STRING))
  @Parameter(name = "resourceNo", in = QUERY, description = RESOURCE_NO, schema = @Schema(type = STRING))
  @APIResponse(responseCode = "200", description = "A page of resources, in row-version order",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.ResourcePage.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response resources(@Context UriInfo uri) {
    return list(PlanningCollection.RESOURCES, uri);
  }

  @GET
  @Path("categories")
  @Operation(operationId = "listCategorys", summary = "List categories", description = LIST)
  @Parameter(name = "offset", in = QUERY, description = OFFSET, schema = @Schema(type = INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(name = "limit", in = QUERY, description = LIMIT, schema = @Schema(type = INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
  @Parameter(name = "changedSince", in = QUERY, description = CHANGED_SINCE, schema = @Schema(type = STRING, format = "date-time"))
  @Parameter(name = "sinceRowVersion", in = QUERY, description = SINCE_ROW_VERSION, schema = @Schema(type = INTEGER, format = "int64", minimum = "0"))
  @APIResponse(responseCode = "200", description = "A page of categories, in row-version order",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.CategoryPage.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response categories(@Context UriInfo uri) {
    return list(PlanningCollection.CATEGORIES, uri);
  }

  @GET
  @Path("timeMarkers")
  @Operation(operationId = "listTimeMarkers", summary = "List time markers", description = LIST)
  @Parameter(name = "offset", in = QUERY, description = OFFSET, schema = @Schema(type = INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(name = "limit", in = QUERY, description = LIMIT, schema = @Schema(type = INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
  @Parameter(name = "changedSince", in = QUERY, description = CHANGED_SINCE, schema = @Schema(type = STRING, format = "date-time"))
  @Parameter(name = "sinceRowVersion", in = QUERY, description = SINCE_ROW_VERSION, schema = @Schema(type = INTEGER, format = "int64", minimum = "0"))
  @APIResponse(responseCode = "200", description = "A page of time markers, in row-version order",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.TimeMarkerPage.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response timeMarkers(@Context UriInfo uri) {
    return list(PlanningCollection.TIME_MARKERS, uri);
  }

  @GET
  @Path("pins")
  @Operation(operationId = "listPins", summary = "List pins", description = LIST)
  @Parameter(name = "offset", in = QUERY, description = OFFSET, schema = @Schema(type = INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(name = "limit", in = QUERY, description = LIMIT, schema = @Schema(type = INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
  @Parameter(name = "changedSince", in = QUERY, description = CHANGED_SINCE, schema = @Schema(type = STRING, format = "date-time"))
  @Parameter(name = "sinceRowVersion", in = QUERY, description = SINCE_ROW_VERSION, schema = @Schema(type = INTEGER, format = "int64", minimum = "0"))
  @APIResponse(responseCode = "200", description = "A page of pins, in row-version order",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.PinPage.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response pins(@Context UriInfo uri) {
    return list(PlanningCollection.PINS, uri);
  }

  @GET
  @Path("filterGroups")
  @Operation(operationId = "listFilterGroups", summary = "List filter groups", description = LIST)
  @Parameter(name = "offset", in = QUERY, description = OFFSET, schema = @Schema(type = INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(name = "limit", in = QUERY, description = LIMIT, schema = @Schema(type = INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
  @Parameter(name = "changedSince", in = QUERY, description = CHANGED_SINCE, schema = @Schema(type = STRING, format = "date-time"))
  @Parameter(name = "sinceRowVersion", in = QUERY, description = SINCE_ROW_VERSION, schema = @Schema(type = INTEGER, format = "int64", minimum = "0"))
  @APIResponse(responseCode = "200", description = "A page of filter groups, in row-version order",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.FilterGroupPage.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response filterGroups(@Context UriInfo uri) {
    return list(PlanningCollection.FILTER_GROUPS, uri);
  }

  @GET
  @Path("filterValues")
  @Operation(operationId = "listFilterValues", summary = "List filter values", description = LIST)
  @Parameter(name = "offset", in = QUERY, description = OFFSET, schema = @Schema(type = INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(name = "limit", in = QUERY, description = LIMIT, schema = @Schema(type = INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
  @Parameter(name = "changedSince", in = QUERY, description = CHANGED_SINCE, schema = @Schema(type = STRING, format = "date-time"))
  @Parameter(name = "sinceRowVersion", in = QUERY, description = SINCE_ROW_VERSION, schema = @Schema(type = INTEGER, format = "int64", minimum = "0"))
  @APIResponse(responseCode = "200", description = "A page of filter values, in row-version order",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.FilterValuePage.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response filterValues(@Context UriInfo uri) {
    return list(PlanningCollection.FILTER_VALUES, uri);
  }

  @GET
  @Path("taskFilterValues")
  @Operation(operationId = "listTaskFilterValues", summary = "List filter values of tasks", description = LIST)
  @Parameter(name = "offset", in = QUERY, description = OFFSET, schema = @Schema(type = INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(name = "limit", in = QUERY, description = LIMIT, schema = @Schema(type = INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
  @Parameter(name = "changedSince", in = QUERY, description = CHANGED_SINCE, schema = @Schema(type = STRING, format = "date-time"))
  @Parameter(name = "sinceRowVersion", in = QUERY, description = SINCE_ROW_VERSION, schema = @Schema(type = INTEGER, format = "int64", minimum = "0"))
  @Parameter(name = "sourceApp", in = QUERY, description = SOURCE_APP, schema = @Schema(type = STRING))
  @Parameter(name = "sourceType", in = QUERY, description = SOURCE_TYPE, schema = @Schema(type = STRING))
  @Parameter(name = "jobNo", in = QUERY, description = JOB_NO, schema = @Schema(type = STRING))
  @Parameter(name = "taskNo", in = QUERY, description = TASK_NO, schema = @Schema(type = STRING))
  @APIResponse(responseCode = "200", description = "A page of filter values of tasks, in row-version order",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.TaskFilterValuePage.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response taskFilterValues(@Context UriInfo uri) {
    return list(PlanningCollection.TASK_FILTER_VALUES, uri);
  }

  @GET
  @Path("resourceFilterValues")
  @Operation(operationId = "listResourceFilterValues", summary = "List filter values of resources", description = LIST)
  @Parameter(name = "offset", in = QUERY, description = OFFSET, schema = @Schema(type = INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(name = "limit", in = QUERY, description = LIMIT, schema = @Schema(type = INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
  @Parameter(name = "changedSince", in = QUERY, description = CHANGED_SINCE, schema = @Schema(type = STRING, format = "date-time"))
  @Parameter(name = "sinceRowVersion", in = QUERY, description = SINCE_ROW_VERSION, schema = @Schema(type = INTEGER, format = "int64", minimum = "0"))
  @Parameter(name = "sourceApp", in = QUERY, description = SOURCE_APP, schema = @Schema(type = STRING))
  @Parameter(name = "sourceType", in = QUERY, description = SOURCE_TYPE, schema = @Schema(type = STRING))
  @Parameter(name = "resourceNo", in = QUERY, description = RESOURCE_NO, schema = @Schema(type = STRING))
  @APIResponse(responseCode = "200", description = "A page of filter values of resources, in row-version order",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.ResourceFilterValuePage.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response resourceFilterValues(@Context UriInfo uri) {
    return list(PlanningCollection.RESOURCE_FILTER_VALUES, uri);
  }

  @GET
  @Path("actionUris")
  @Operation(operationId = "listActionUris", summary = "List action URIs", description = LIST)
  @Parameter(name = "offset", in = QUERY, description = OFFSET, schema = @Schema(type = INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(name = "limit", in = QUERY, description = LIMIT, schema = @Schema(type = INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
  @Parameter(name = "changedSince", in = QUERY, description = CHANGED_SINCE, schema = @Schema(type = STRING, format = "date-time"))
  @Parameter(name = "sinceRowVersion", in = QUERY, description = SINCE_ROW_VERSION, schema = @Schema(type = INTEGER, format = "int64", minimum = "0"))
  @Parameter(name = "sourceApp", in = QUERY, description = SOURCE_APP, schema = @Schema(type = STRING))
  @Parameter(name = "sourceType", in = QUERY, description = SOURCE_TYPE, schema = @Schema(type = STRING))
  @APIResponse(responseCode = "200", description = "A page of action URIs, in row-version order",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.ActionUriPage.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response actionUris(@Context UriInfo uri) {
    return list(PlanningCollection.ACTION_URIS, uri);
  }

  private Response list(PlanningCollection collection, UriInfo uri) {
    ReadQuery query;
    try {
      query = ReadQuery.parse(collection, QueryParameters.decode(uri.getQueryParameters(false)));
    } catch (BadParameter e) {
      return Problem.of(400, "Invalid query parameter: " + e.parameter(), e.getMessage());
    } catch (QueryParameters.Bad e) {
      return Problem.of(400, "Invalid query parameter: " + e.parameter(), e.getMessage());
    }
    return Response.ok(reads.list(query)).build();
  }
}
