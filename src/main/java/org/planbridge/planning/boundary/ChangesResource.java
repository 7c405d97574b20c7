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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbridge.planning.control.BadParameter;
import org.planbridge.planning.control.ChangeCursor;
import org.planbridge.planning.control.ChangeFeed;
import org.planbridge.planning.control.CursorExpired;
import org.planbridge.planning.control.Parameters;
import org.planbridge.platform.boundary.Problem;
import org.planbridge.platform.control.Failures;
import org.planbridge.platform.control.QueryParameters;

/**
 * {@code /api/changes} (the ingest scope): the change feed, for a poller that stores one cursor
 * ({@link ChangeFeed}), and {@code /api/changes/maxRowVersion}, the highest cursor it could be handed now. Each call
 * is one transaction; refusals are problem details naming the parameter, and a cursor from before the pruned
 * horizon is 410 Gone with what to do.
 */
@Stateless
@Path("changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Change feed")
public class ChangesResource {

  private static final Logger LOG = Logger.getLogger(ChangesResource.class.getName());
  static final List<String> PARAMETERS = List.of("types", "after", "limit");

  @Inject ChangeFeed feed;

  @GET
  @Operation(operationId = "listChanges", summary = "The records written or deleted after a cursor",
      description = "types: comma-separated record types (all without it); after: the cursor of the previous answer"
          + " (from the start without it); limit: 1 to 10000, default 1000. Safe on PostgreSQL: no committed change"
          + " is ever skipped.")
  @APIResponse(responseCode = "200", description = "{\"changes\": [{\"type\", \"change\": \"upsert\" | \"delete\","
      + " \"key\", \"rowVersion\", \"cursor\", \"record\" | \"deletedAt\"}], \"cursor\", \"more\", \"safe\","
      + " \"heldBack\"}")
  @APIResponse(responseCode = "400", description = "A query parameter it does not take",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "410", description = "The cursor is older than the tombstones' retention: read"
      + " everything again", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response changes(@Context UriInfo uri) {
    return answer(uri, PARAMETERS, query -> {
      String after = Parameters.single(query, "after");
      int limit = (int) Parameters.whole(query, "limit", 1, ChangeFeed.MAX_LIMIT, ChangeFeed.DEFAULT_LIMIT);
      return feed.changes(feed.types("types", Parameters.single(query, "types")),
          after == null ? null : ChangeCursor.parse("after", after), limit);
    });
  }

  @GET
  @Path("maxRowVersion")
  @Operation(operationId = "maxRowVersion", summary = "The highest cursor the feed could hand out now",
      description = "Overall and per record type (types: comma-separated, all without it): not the highest row"
          + " version written, which a running transaction may still hold below others.")
  @APIResponse(responseCode = "200", description = "{\"maxRowVersion\", \"types\": {type: cursor}, \"safe\","
      + " \"heldBack\"}")
  @APIResponse(responseCode = "400", description = "A query parameter it does not take",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response maxRowVersion(@Context UriInfo uri) {
    return answer(uri, List.of("types"), query -> feed.maxRowVersion(feed.types("types",
        Parameters.single(query, "types"))));
  }

  /** A read of the feed, as JSON (text or UTF-8 bytes), for a query that only has {@code known} parameters. */
  interface Read {
    Object of(Map<String, List<String>> query) throws SQLException;
  }

  /** The read's answer, or its refusal as problem details: 400 naming the parameter, 410, 503. */
  private static Response answer(UriInfo uri, List<String> known, Read read) {
    try {
      Map<String, List<String>> query = QueryParameters.decode(uri.getQueryParameters(false));
      Parameters.only(query, known);
      return Response.ok(read.of(query), MediaType.APPLICATION_JSON_TYPE).build();
    } catch (CursorExpired e) {
      return Problem.of(410, "Cursor older than the retention", e.getMessage());
    } catch (BadParameter e) {
      return Problem.of(400, "Invalid query parameter: " + e.parameter(), e.getMessage());
    } catch (QueryParameters.Bad e) {
      return Problem.of(400, "Invalid query parameter: " + e.parameter(), e.getMessage());
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "the change feed's read failed", e);
      return Problem.of(503, "Service Unavailable", "The database failed: " + Failures.rootMessage(e));
    }
  }
}
