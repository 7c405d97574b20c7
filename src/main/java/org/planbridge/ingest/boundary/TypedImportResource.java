package org.planbridge.ingest.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.planbridge.ingest.control.ImportRejected;
import org.planbridge.ingest.control.TypedRoutes;
import org.planbridge.planning.boundary.PlanningReader;
import org.planbridge.planning.control.PlanningCollection;
import org.planbridge.platform.boundary.BodyLimits;
import org.planbridge.platform.boundary.Envelope;
import org.planbridge.platform.boundary.Problem;
import org.planbridge.platform.control.BadBody;

/**
 * The SDKs' typed routes: {@code POST} (create), {@code PUT} (update) and {@code DELETE} on
 * {@code /api/job}, {@code /api/appointment}, ... with a JSON array of model objects (or one
 * object). Each route runs its procedure through the same engine as {@code /api/import}; create and
 * update are both upserts, as in the procedure API.
 */
@Path("")
public class TypedImportResource {

  @Inject Imports imports;
  @Inject BodyLimits limits;
  @Inject ImportMeters meters;
  @Inject PlanningReader reader;

  @POST
  @Path("{route}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create (upsert) records through a typed route")
  @APIResponse(responseCode = "200", description = "The SDK envelope",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Envelope.class)))
  public Response create(@Parameter(description = "job, task, appointment, assignment, resource, categories, "
      + "timeMarker, pin, filterGroup, filterValue, taskFilterValue, resourceFilterValue, actionuri, "
      + "appointmentCategory, appointmentImportance, appointmentLocked, appointmentPlanningQuantity, "
      + "appointmentTimeMarker, appointmentContent, taskLocked, connector") @PathParam("route") String route,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
    return handle("POST", route, contentLength, body);
  }

  @PUT
  @Path("{route}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Update (upsert) records through a typed route")
  @APIResponse(responseCode = "200", description = "The SDK envelope",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Envelope.class)))
  public Response update(@PathParam("route") String route,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
    return handle("PUT", route, contentLength, body);
  }

  @DELETE
  @Path("{route}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Delete records through a typed route (the SDKs send the records as a JSON body)")
  @APIResponse(responseCode = "200", description = "The SDK envelope",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Envelope.class)))
  public Response delete(@PathParam("route") String route,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
    return handle("DELETE", route, contentLength, body);
  }

  /**
   * The .NET SDK's user routes: {@code POST api/Administration/Users/Create}, {@code Update} and {@code Delete}, one
   * user object each; the same procedures as the JS SDK's {@code POST}, {@code PUT} and {@code DELETE /api/user}.
   */
  @POST
  @Path("Administration/Users/{action}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create, update or delete a planning board user (the .NET SDK's routes)")
  @APIResponse(responseCode = "200", description = "The SDK envelope",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Envelope.class)))
  public Response user(@Parameter(description = "Create, Update or Delete") @PathParam("action") String action,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
    String method = TypedRoutes.userActionVerb(action).orElse(null);
    if (method == null) {
      return ImportAnswers.failure(meters.typed(), new ImportRejected(404, "There is no route "
          + "/api/Administration/Users/" + action + "; there are Create, Update and Delete."), 0);
    }
    return handle(method, TypedRoutes.USER_ROUTE, contentLength, body);
  }

  /**
   * Every {@code GET /api/<name>}: a collection's page ({@code jobs}), an SDK route's list ({@code job}), and for a
   * route that only writes, 405 in the SDK envelope. JAX-RS matches this one template for all of them (a literal
   * path on another class would shadow the writes' template), so this method dispatches by name.
   */
  @GET
  @Path("{route}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true) // described per path in META-INF/openapi.yaml, built from PlanningCollection
  public Response read(@PathParam("route") String route, @Context UriInfo uri) {
    PlanningCollection paged = PlanningCollection.byPath(route).orElse(null);
    if (paged != null) {
      return reader.page(paged, uri);
    }
    PlanningCollection listed = PlanningCollection.byRoute(route).orElse(null);
    if (listed != null) {
      return reader.list(listed, uri);
    }
    if (TypedRoutes.find(route).isPresent()) {
      return Response.fromResponse(Envelope.failure(405, 405, "GET is not allowed on /api/" + route
          + "; it takes " + String.join(", ", TypedRoutes.find(route).get().methods()) + ". " + readable()))
          .allow(TypedRoutes.find(route).get().methods().toArray(String[]::new)).build();
    }
    return Problem.of(404, "Not Found", "There is no route GET /api/" + route + ". " + readable());
  }

  private static String readable() {
    return "Lists (a JSON array): GET /api/" + String.join(", ", Arrays.stream(PlanningCollection.values())
        .map(PlanningCollection::route).sorted(String.CASE_INSENSITIVE_ORDER).toList())
        + ". Pages: GET /api/" + String.join(", ", Arrays.stream(PlanningCollection.values())
        .map(PlanningCollection::path).toList()) + ".";
  }

  private Response handle(String method, String route, String contentLength, InputStream body) {
    TypedRoutes.Route known = TypedRoutes.find(route).orElse(null);
    if (known == null) {
      return ImportAnswers.failure(meters.typed(), new ImportRejected(404, "There is no route /api/" + route
          + ". Typed routes: " + TypedRoutes.names() + "; procedure calls go to /api/import."), 0);
    }
    String procedure = known.procedureFor(method).orElse(null);
    if (procedure == null) {
      return ImportAnswers.failure(meters.typed(), new ImportRejected(405, method + " is not supported on /api/" + route
          + "; send the new value with POST or PUT."), 0);
    }
    try {
      InputStream limited = limits.ingest(body, contentLength);
      return ImportAnswers.run(imports, meters.typed(), () -> TypedRoutes.items(TypedRoutes.read(limited), procedure));
    } catch (ImportRejected e) {
      return ImportAnswers.failure(meters.typed(), e, 0);
    } catch (BadBody e) {
      return ImportAnswers.failure(meters.typed(), ImportRejected.of(e), 0);
    }
  }
}
