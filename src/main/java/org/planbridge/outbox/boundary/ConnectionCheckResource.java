package org.planbridge.outbox.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbridge.backoffice.CheckStep;
import org.planbridge.outbox.control.ConnectionCheck;
import org.planbridge.platform.boundary.PathId;
import org.planbridge.platform.boundary.Problem;
import org.planbridge.platform.control.Jsons;

/**
 * {@code POST /api/admin/connectors/{id}/check}: tries a connector's way to its back office without sending an
 * appointment and answers each step with whether it worked, what it found and how long it took. A failed check
 * is still a 200: the answer is the finding; 404 when there is no such connector. It takes no body and no query.
 */
@RequestScoped
@Path("admin/connectors/{id}/check")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connectors")
public class ConnectionCheckResource {

  @Inject ConnectionCheck check;

  @POST
  @Operation(operationId = "checkConnector", summary = "Try a connector's way to its back office, sending nothing")
  @APIResponse(responseCode = "200", description = "{\"connectorId\": n, \"ok\": bool, \"steps\": [{\"step\","
      + " \"ok\", \"durationMs\", \"detail\"}]}", content = @Content(mediaType = MediaType.APPLICATION_JSON))
  @APIResponse(responseCode = "404", description = "No such connector", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response check(@PathParam("id") String id, @Context UriInfo uri) {
    Response queried = Problem.whenQueried(uri, "a connection check (it takes nothing but the connector's id)");
    if (queried != null) {
      return queried;
    }
    OptionalLong key = PathId.of(id);
    List<CheckStep> steps = key.isPresent() ? check.run(key.getAsLong()).orElse(null) : null;
    if (steps == null) {
      return Problem.of(404, "Not Found", "There is no connector with id " + id + ".");
    }
    JsonArrayBuilder answer = Jsons.JSON.createArrayBuilder();
    steps.forEach(step -> answer.add(Jsons.JSON.createObjectBuilder().add("step", step.step()).add("ok", step.ok())
        .add("durationMs", step.durationMs()).add("detail", step.detail() == null ? "" : step.detail())));
    return Response.ok(Jsons.JSON.createObjectBuilder().add("connectorId", key.getAsLong())
        .add("ok", steps.stream().allMatch(CheckStep::ok)).add("steps", answer).build().toString()).build();
  }
}
