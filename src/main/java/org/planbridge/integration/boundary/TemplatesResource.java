package org.planbridge.integration.boundary;

import jakarta.ejb.Stateless;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbridge.integration.control.TemplateStore;
import org.planbridge.platform.boundary.BodyLimits;
import org.planbridge.platform.boundary.Problem;
import org.planbridge.platform.control.JsonBody;

/**
 * {@code /api/admin/templates}: list, read, create, change and delete integration templates (the admin scope, as
 * all of {@code /api/admin}). A document is validated whole before anything is written; a refusal is problem
 * details naming the line and field of each mistake. The class path is literal, so it wins over the
 * {@code @Path("")} classes of the typed routes and reads.
 */
@Stateless // the transaction opens here; TemplateStore joins it
@Path("admin/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Integration templates", description = "Import and export in a client's own field names.")
public class TemplatesResource {

  @Inject TemplateStore templates;
  @Inject BodyLimits limits;

  @GET
  @Operation(operationId = "listTemplates", summary = "List integration templates")
  @APIResponse(responseCode = "200", description = "{\"items\": [{\"name\", \"description\", \"direction\","
      + " \"reads\", \"writes\"}], \"total\": n}")
  public Response list(@Context UriInfo uri) {
    return TemplateAnswers.listed(uri, templates);
  }

  @GET
  @Path("{name}")
  @Operation(operationId = "getTemplate", summary = "Read one template's document as it was saved")
  @APIResponse(responseCode = "404", description = "No such template", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response get(@PathParam("name") String name) {
    return TemplateAnswers.answer(() -> Response.ok(templates.get(name)
        .orElseThrow(() -> TemplateStore.notFound(name)).document()).build());
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(operationId = "createTemplate", summary = "Create an integration template",
      description = "{\"name\", \"description\", \"direction\": \"in\" with \"records\", or \"out\" with \"source\""
          + " and \"fields\"}; see the README.")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "400", description = "Not valid; each mistake with its line and field",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "409", description = "The name is taken", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response create(@Context UriInfo uri, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      InputStream body) {
    return TemplateAnswers.answer(() -> {
      var created = templates.create(JsonBody.text(limits.admin(body, contentLength), "a template object"));
      return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build())
          .entity(TemplateAnswers.summary(created).toString()).build();
    });
  }

  @PUT
  @Path("{name}")
  @Consumes(MediaType.WILDCARD)
  @Operation(operationId = "updateTemplate", summary = "Replace a template's document (it keeps its name)")
  @APIResponse(responseCode = "200", description = "The template's summary")
  @APIResponse(responseCode = "400", description = "Not valid; each mistake with its line and field",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "404", description = "No such template", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response update(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      InputStream body) {
    return TemplateAnswers.answer(() -> Response.ok(TemplateAnswers.summary(templates.update(name,
        JsonBody.text(limits.admin(body, contentLength), "a template object"))).toString()).build());
  }

  @DELETE
  @Path("{name}")
  @Operation(operationId = "deleteTemplate", summary = "Delete a template")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such template", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response delete(@PathParam("name") String name) {
    return TemplateAnswers.answer(() -> {
      templates.delete(name);
      return Response.noContent().build();
    });
  }
}
