package org.planbridge.planning.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.planbridge.planning.control.ActionUriRenderer;
import org.planbridge.planning.control.BadParameter;
import org.planbridge.platform.boundary.Problem;
import org.planbridge.platform.control.Failures;
import org.planbridge.platform.control.QueryParameters;

/**
 * {@code GET /api/actionUris/render}: the action URIs of an appointment ({@code appointmentId} or
 * {@code appointmentGuid}), a task ({@code sourceApp}, {@code sourceType}, {@code jobNo}, {@code taskNo}) or a job
 * (the same without {@code taskNo}), their placeholders filled in from it. Refusals are problem details, as on the
 * other reads.
 */
@Stateless
@Path("actionUris/render")
@Produces(MediaType.APPLICATION_JSON)
public class ActionUriResource {

  private static final Logger LOG = Logger.getLogger(ActionUriResource.class.getName());
  static final Set<String> ACCEPTED = Set.of("appointmentId", "appointmentGuid", "sourceApp", "sourceType", "jobNo",
      "taskNo", "urlType");

  @Inject ActionUriRenderer renderer;

  @GET
  @Operation(summary = "The action URIs of an appointment, task or job, filled in from it",
      description = "Placeholders are #NAME#, upper case: the record's parameter names (#SOURCEAPP#, #JOBNO#,"
          + " #APPOINTMENTID#, #START#, #SUBJECT#, ...); an appointment also has its task's and job's, and #RESOURCE#."
          + " Values are percent-encoded. Each answer item: urlType, description, default, requestType, template,"
          + " uri, unresolved (placeholders no value answered).")
  @Parameter(name = "appointmentId", description = "The appointment's id.")
  @Parameter(name = "appointmentGuid", description = "Or its guid.")
  @Parameter(name = "sourceApp", description = "Or a task's (or job's) key: Source App, Source Type, job, task.")
  @Parameter(name = "urlType", description = "Only action URIs of this type: 0 planning board, 1 appointment,"
      + " 2 task, 3 map.")
  @APIResponse(responseCode = "200", description = "The action URIs, filled in")
  @APIResponse(responseCode = "400", description = "The record is not named, or named twice")
  @APIResponse(responseCode = "404", description = "The record does not exist")
  public Response render(@Context UriInfo uri) {
    try {
      Map<String, List<String>> parameters = QueryParameters.decode(uri.getQueryParameters(false));
      return Response.ok(renderer.render(subject(parameters), urlType(parameters))).build();
    } catch (BadParameter e) {
      return Problem.of(400, "Invalid query parameter: " + e.parameter(), e.getMessage());
    } catch (QueryParameters.Bad e) {
      return Problem.of(400, "Invalid query parameter: " + e.parameter(), e.getMessage());
    } catch (ActionUriRenderer.NotFound e) {
      return Problem.of(404, "Not Found", "The " + e.getMessage() + ".");
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "rendering action URIs failed", e);
      return Problem.of(503, "Service Unavailable", "The database failed: " + Failures.rootMessage(e));
    }
  }

  static ActionUriRenderer.Subject subject(Map<String, List<String>> parameters) {
    for (String name : parameters.keySet()) {
      if (!ACCEPTED.contains(name)) {
        throw new BadParameter(name, "Unknown query parameter '" + name + "'; actionUris/render accepts "
            + String.join(", ", ACCEPTED.stream().sorted().toList()) + ".");
      }
    }
    String id = one(parameters, "appointmentId");
    String guid = one(parameters, "appointmentGuid");
    List<String> keys = List.of("sourceApp", "sourceType", "jobNo", "taskNo");
    boolean byKey = keys.stream().anyMatch(parameters::containsKey);
    if ((id != null || guid != null) && byKey || id != null && guid != null) {
      throw new BadParameter(id != null ? "appointmentId" : "appointmentGuid", "Name one record: an appointment by"
          + " appointmentId or appointmentGuid, or a task or job by sourceApp, sourceType, jobNo (and taskNo).");
    }
    if (id != null) {
      try {
        return new ActionUriRenderer.Subject(Long.parseLong(id), null, null, null, null, null);
      } catch (NumberFormatException e) {
        throw new BadParameter("appointmentId", "Query parameter 'appointmentId' must be a whole number, not '" + id
            + "'.");
      }
    }
    if (guid != null) {
      try {
        return new ActionUriRenderer.Subject(null, UUID.fromString(guid), null, null, null, null);
      } catch (IllegalArgumentException e) {
        throw new BadParameter("appointmentGuid", "Query parameter 'appointmentGuid' must be a GUID, not '" + guid
            + "'.");
      }
    }
    for (String key : List.of("sourceApp", "sourceType", "jobNo")) {
      if (one(parameters, key) == null) {
        throw new BadParameter(key, "Query parameter '" + key + "' is missing: name an appointment by appointmentId"
            + " or appointmentGuid, or a task or job by sourceApp, sourceType, jobNo (and taskNo).");
      }
    }
    return new ActionUriRenderer.Subject(null, null, one(parameters, "sourceApp"), one(parameters, "sourceType"),
        one(parameters, "jobNo"), one(parameters, "taskNo"));
  }

  static Integer urlType(Map<String, List<String>> parameters) {
    String type = one(parameters, "urlType");
    if (type == null) {
      return null;
    }
    if (!type.matches("[0-3]")) {
      throw new BadParameter("urlType", "Query parameter 'urlType' must be 0 (planning board), 1 (appointment),"
          + " 2 (task) or 3 (map), not '" + type + "'.");
    }
    return Integer.valueOf(type);
  }

  private static String one(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    if (values == null) {
      return null;
    }
    if (values.size() != 1 || values.get(0) == null || values.get(0).isBlank()) {
      throw new BadParameter(name, "Query parameter '" + name + "' must be given once, and not empty.");
    }
    return values.get(0).trim();
  }
}
