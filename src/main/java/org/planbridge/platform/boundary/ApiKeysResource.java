package org.planbridge.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbridge.platform.control.BadBody;
import org.planbridge.platform.control.JsonBody;
import org.planbridge.platform.control.KeyViolation;
import org.planbridge.platform.control.NewKey;
import org.planbridge.platform.control.StoredKey;
import org.planbridge.platform.control.StoredKeys;
import org.planbridge.platform.control.Jsons;

/**
 * {@code /api/admin/keys}: list, read, create and revoke the stored API keys (the admin scope, as
 * all of {@code /api/admin}). A key is shown once, in the answer to its creation; lists and reads
 * carry its first characters ({@code keyPrefix}), never the key or its hash. Errors are problem
 * details naming the field. The class path is literal, so it wins over {@code @Path("admin")} and
 * the {@code @Path("")} classes of the typed routes and reads.
 */
@Stateless // the transaction opens here; StoredKeys joins it
@Path("admin/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Stored API keys, their scopes and Source Apps.")
public class ApiKeysResource {

  @Inject StoredKeys keys;
  @Inject BodyLimits limits;

  @GET
  @Operation(operationId = "listApiKeys", summary = "List API keys, revoked ones included")
  @APIResponse(responseCode = "200", description = "{\"items\": [{\"id\", \"name\", \"scopes\", \"sourceApps\","
      + " \"keyPrefix\", \"createdAt\", \"revokedAt\"}], \"total\": n}")
  public Response list(@Context UriInfo uri) {
    Response queried = Problem.whenQueried(uri, "the key list (every key, revoked ones included)");
    if (queried != null) {
      return queried;
    }
    List<StoredKey> all = keys.list();
    JsonArrayBuilder items = Jsons.JSON.createArrayBuilder();
    all.forEach(key -> items.add(toJson(key)));
    return Response.ok(Jsons.JSON.createObjectBuilder().add("items", items).add("total", all.size()).build().toString())
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getApiKey", summary = "Read one API key (without the key)")
  @APIResponse(responseCode = "200", description = "The key's name, scopes, Source Apps, prefix and times")
  @APIResponse(responseCode = "404", description = "No such key", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response get(@PathParam("id") String id) {
    return answer(() -> Response.ok(toJson(keys.get(id(id)).orElseThrow(() -> KeyViolation.notFound(id))).toString())
        .build());
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(operationId = "createApiKey", summary = "Create an API key",
      description = "{\"name\": \"...\", \"scopes\": [\"ingest\", \"admin\", \"metrics\"], \"sourceApps\": [\"BC\"] or"
          + " null for every Source App}. The answer carries the key once, as \"key\"; it is stored as SHA-256 only.")
  @APIResponse(responseCode = "201", description = "Created; Location names it; \"key\" is the secret, shown this once")
  @APIResponse(responseCode = "400", description = "A field is not valid; the problem names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response create(@Context UriInfo uri, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      InputStream body) {
    return answer(() -> {
      NewKey request = NewKey.parse(JsonBody.object(limits.admin(body, contentLength), "one JSON object"));
      StoredKeys.Created created = keys.create(request);
      JsonObject json = Jsons.JSON.createObjectBuilder(toJson(created.key())).add("key", created.secret()).build();
      return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.key().id())).build())
          .entity(json.toString()).build();
    });
  }

  @DELETE
  @Path("{id}")
  @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
      description = "The key stays listed with revokedAt; revoking it again changes nothing.")
  @APIResponse(responseCode = "204", description = "Revoked (now or before)")
  @APIResponse(responseCode = "404", description = "No such key", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response revoke(@PathParam("id") String id) {
    return answer(() -> {
      if (!keys.revoke(id(id))) {
        throw KeyViolation.notFound(id);
      }
      return Response.noContent().build();
    });
  }

  static JsonObject toJson(StoredKey key) {
    JsonArrayBuilder scopes = Jsons.JSON.createArrayBuilder();
    key.scopes().forEach(scope -> scopes.add(scope.wireName()));
    JsonObjectBuilder json = Jsons.JSON.createObjectBuilder().add("id", key.id()).add("name", key.name()).add("scopes", scopes);
    if (key.sourceApps() == null) {
      json.addNull("sourceApps");
    } else {
      JsonArrayBuilder sourceApps = Jsons.JSON.createArrayBuilder();
      key.sourceApps().forEach(sourceApps::add);
      json.add("sourceApps", sourceApps);
    }
    text(json, "keyPrefix", key.keyPrefix());
    text(json, "createdAt", key.createdAt());
    text(json, "revokedAt", key.revokedAt());
    return json.build();
  }

  private static void text(JsonObjectBuilder json, String name, Object value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value instanceof Instant instant ? instant.toString() : value.toString());
    }
  }

  /** Runs an action and turns each refusal into problem details; nothing here ever quotes a key. */
  private static Response answer(Supplier<Response> action) {
    try {
      return action.get();
    } catch (KeyViolation e) {
      if (e.field() == null) {
        return Problem.of(e.status(), e.status() == 404 ? "Not Found" : "Invalid API key", e.getMessage());
      }
      return Problem.of(e.status(), "Invalid field: " + e.topField(), e.field() + ": " + e.getMessage());
    } catch (BadBody e) {
      return Problem.of(e);
    }
  }

  private static long id(String id) {
    return PathId.of(id).orElseThrow(() -> KeyViolation.notFound(id));
  }
}
