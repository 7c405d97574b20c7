package org.planbridge.connector.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbridge.connector.control.ConnectorViolation;
import org.planbridge.connector.control.Connectors;
import org.planbridge.connector.control.SecretUnavailable;
import org.planbridge.connector.entity.Connector;
import org.planbridge.platform.boundary.BodyLimits;
import org.planbridge.platform.boundary.PathId;
import org.planbridge.platform.boundary.Problem;
import org.planbridge.platform.control.BadBody;
import org.planbridge.platform.control.JsonBody;
import org.planbridge.platform.control.Jsons;

/**
 * {@code /api/admin/connectors}: list, read, create, replace and delete connectors. Errors are
 * problem details naming the field. The class path is literal, so it wins over the
 * {@code @Path("")} classes of the typed routes and reads, which would otherwise take
 * {@code /api/admin/...} as a route named "admin".
 */
@Stateless // the transaction opens here; Connectors joins it
@Path("admin/connectors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connectors", description = "The back-office setting (MBOC) of each Source App.")
public class ConnectorResource {

  @Inject Connectors connectors;
  @Inject BodyLimits limits;

  @GET
  @Operation(operationId = "listConnectors", summary = "List connectors, by Source App")
  @APIResponse(responseCode = "200", description = "{\"items\": [...], \"total\": n}",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorSchemas.Page.class)))
  public Response list(@Context UriInfo uri) {
    Response queried = Problem.whenQueried(uri, "the connector list (every connector, by Source App)");
    if (queried != null) {
      return queried;
    }
    List<Connector> all = connectors.list();
    JsonArrayBuilder items = Jsons.JSON.createArrayBuilder();
    all.forEach(connector -> items.add(ConnectorJson.toJson(connector)));
    return Response.ok(Jsons.JSON.createObjectBuilder().add("items", items).add("total", all.size()).build().toString()).build();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getConnector", summary = "Read one connector")
  @APIResponse(responseCode = "200", description = "The connector; passwordSet says whether it has a password",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorSchemas.Answer.class)))
  @APIResponse(responseCode = "404", description = "No such connector", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response get(@PathParam("id") String id) {
    return answer(() -> {
      long key = id(id);
      return ok(connectors.get(key).orElseThrow(() -> notFound(id)));
    });
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(operationId = "createConnector", summary = "Create a connector")
  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorSchemas.Request.class)))
  @APIResponse(responseCode = "201", description = "Created; Location names it",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorSchemas.Answer.class)))
  @APIResponse(responseCode = "400", description = "A field is not valid; the problem names it", content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "409", description = "Another connector has this sourceApp", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response create(@Context UriInfo uri, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      InputStream body) {
    return answer(() -> {
      Connector created = connectors.create(ConnectorJson.input(read(body, contentLength)));
      return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
          .entity(ConnectorJson.toJson(created).toString()).build();
    });
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.WILDCARD)
  @Operation(operationId = "updateConnector", summary = "Replace a connector's fields",
      description = "Fields left out are cleared, except password: left out or null keeps it, \"\" removes it.")
  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorSchemas.Request.class)))
  @APIResponse(responseCode = "200", description = "The connector as stored",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorSchemas.Answer.class)))
  @APIResponse(responseCode = "400", description = "A field is not valid; the problem names it", content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "404", description = "No such connector", content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "409", description = "Another connector has this sourceApp", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      InputStream body) {
    return answer(() -> {
      long key = id(id);
      return ok(connectors.update(key, ConnectorJson.input(read(body, contentLength))));
    });
  }

  @DELETE
  @Path("{id}")
  @Operation(operationId = "deleteConnector", summary = "Delete a connector")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such connector", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response delete(@PathParam("id") String id) {
    return answer(() -> {
      if (!connectors.delete(id(id))) {
        throw notFound(id);
      }
      return Response.noContent().build();
    });
  }

  private static Response ok(Connector connector) {
    return Response.ok(ConnectorJson.toJson(connector).toString()).build();
  }

  /** Runs an action and turns each refusal into problem details; nothing here ever quotes a password. */
  private static Response answer(Supplier<Response> action) {
    try {
      return action.get();
    } catch (ConnectorViolation e) {
      if (e.field() == null) {
        return Problem.of(e.status(), e.status() == 404 ? "Not Found" : "Invalid connector", e.getMessage());
      }
      String field = e.field().jsonName();
      return Problem.of(e.status(), e.status() == 409 ? "Conflict: " + field : "Invalid field: " + field,
          field + ": " + e.getMessage());
    } catch (ConnectorJson.UnknownField e) {
      return Problem.of(400, "Unknown field: " + e.getMessage(), e.getMessage() + " is not a connector field. Fields: "
          + "name, description, sourceApp, sourceType, sendAppointmentToWebService, backOfficeSystem, backOfficeType, "
          + "uri, login, password.");
    } catch (BadBody e) {
      return Problem.of(e);
    } catch (SecretUnavailable e) {
      return Problem.of(500, "Secrets unavailable", e.getMessage());
    }
  }

  private JsonObject read(InputStream body, String contentLength) {
    return JsonBody.object(limits.admin(body, contentLength), "one JSON object");
  }

  private static long id(String id) {
    return PathId.of(id).orElseThrow(() -> notFound(id));
  }

  private static ConnectorViolation notFound(String id) {
    return new ConnectorViolation(null, 404, "There is no connector with id " + id + ".");
  }
}
