package org.planbridge.outbox.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.planbridge.outbox.control.Status;
import org.planbridge.outbox.control.TransactionFilter;
import org.planbridge.outbox.control.TransactionQueries;
import org.planbridge.platform.boundary.Problem;

/**
 * {@code /api/admin/transactions}: what happened to every appointment change, and the retry and
 * archive an administrator needs after fixing a connector. A retry by hand is recorded as Website.
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class TransactionsResource {

  static final Set<String> FILTERS = Set.of("status", "sourceApp", "jobNo", "taskNo", "appointmentId", "from", "to",
      "archived");

  @Inject TransactionQueries queries;
  @Inject DrainTrigger trigger;

  @GET
  @Path("transactions")
  @Operation(summary = "List transactions", description = "Filters: status (e.g. 'MBOC Not Provided'), sourceApp, "
      + "jobNo, taskNo, appointmentId, from, to (ISO-8601, on createdAt), archived; sort (id, createdAt, "
      + "lastAttemptAt, status, ...; prefix - for descending); offset; limit (at most 1000). Answers {items, total}.")
  public Response list(@Context UriInfo uri) throws SQLException {
    try {
      MultivaluedMap<String, String> query = uri.getQueryParameters();
      return Response.ok(queries.list(filter(query), query.getFirst("sort"), offset(query), limit(query)).toString())
          .build();
    } catch (IllegalArgumentException e) {
      return Problem.of(400, "Bad query parameter", e.getMessage());
    }
  }

  @GET
  @Path("appointments")
  @Operation(summary = "Appointments with their newest transaction", description = "The same filters as the list.")
  public Response appointments(@Context UriInfo uri) throws SQLException {
    try {
      MultivaluedMap<String, String> query = uri.getQueryParameters();
      return Response.ok(queries.appointments(filter(query), offset(query), limit(query)).toString()).build();
    } catch (IllegalArgumentException e) {
      return Problem.of(400, "Bad query parameter", e.getMessage());
    }
  }

  @GET
  @Path("transactions/{id}")
  @Operation(summary = "One transaction with its attempts and the connector it used")
  public Response get(@PathParam("id") long id) throws SQLException {
    return queries.get(id).map(t -> Response.ok(t.toString()).build())
        .orElseGet(() -> Problem.of(404, "Not found", "There is no transaction " + id));
  }

  @POST
  @Path("transactions/retry")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send transactions again", description = "{\"ids\": [...]} or {\"filter\": {...}} with the "
      + "list's query parameters. Answers {\"affected\": n}.")
  public Response retry(String body) throws SQLException {
    return act(body, true);
  }

  @POST
  @Path("transactions/archive")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Archive transactions", description = "{\"ids\": [...]} or {\"filter\": {...}}. "
      + "Answers {\"affected\": n}.")
  public Response archive(String body) throws SQLException {
    return act(body, false);
  }

  private Response act(String body, boolean retry) throws SQLException {
    JsonObject request;
    try {
      request = Json.createReader(new java.io.StringReader(body)).readObject();
    } catch (RuntimeException e) {
      return Problem.of(400, "Bad request body", "Send {\"ids\": [1, 2]} or {\"filter\": {\"status\": \"Failed\"}}");
    }
    int affected;
    try {
      if (request.containsKey("ids")) {
        List<Long> ids = new ArrayList<>();
        for (JsonValue id : request.getJsonArray("ids")) {
          if (!(id instanceof JsonNumber number)) {
            throw new IllegalArgumentException("ids must be numbers");
          }
          ids.add(number.longValueExact());
        }
        affected = retry ? queries.retry(ids, "Website") : queries.archive(ids);
      } else if (request.containsKey("filter")) {
        MultivaluedMap<String, String> filter = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : request.getJsonObject("filter").entrySet()) {
          JsonValue value = entry.getValue();
          filter.add(entry.getKey(), value instanceof jakarta.json.JsonString text ? text.getString() : value.toString());
        }
        TransactionFilter parsed = filter(filter);
        affected = retry ? queries.retry(parsed, "Website") : queries.archive(parsed);
      } else {
        throw new IllegalArgumentException("Send {\"ids\": [...]} or {\"filter\": {...}}");
      }
    } catch (IllegalArgumentException | ClassCastException | ArithmeticException e) {
      return Problem.of(400, "Bad request body", e.getMessage());
    }
    if (retry && affected > 0) {
      trigger.wake();
    }
    return Response.ok(Json.createObjectBuilder().add("affected", affected).build().toString()).build();
  }

  static TransactionFilter filter(MultivaluedMap<String, String> query) {
    for (String name : query.keySet()) {
      if (!FILTERS.contains(name) && !Set.of("sort", "offset", "limit").contains(name)) {
        throw new IllegalArgumentException("unknown query parameter '" + name + "'; filters: " + FILTERS);
      }
    }
    String status = query.getFirst("status");
    Status parsed = status == null ? null : Status.of(status).orElseThrow(() -> new IllegalArgumentException(
        "status '" + status + "' is not one of " + java.util.Arrays.stream(Status.values()).map(Status::label).toList()));
    return new TransactionFilter(parsed, query.getFirst("sourceApp"), query.getFirst("jobNo"), query.getFirst("taskNo"),
        number(query, "appointmentId"), time(query, "from"), time(query, "to"),
        Boolean.parseBoolean(query.getFirst("archived")));
  }

  static int offset(MultivaluedMap<String, String> query) {
    Long offset = number(query, "offset");
    if (offset != null && offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more");
    }
    return offset == null ? 0 : offset.intValue();
  }

  static int limit(MultivaluedMap<String, String> query) {
    Long limit = number(query, "limit");
    if (limit != null && (limit < 1 || limit > 1000)) {
      throw new IllegalArgumentException("limit must be from 1 to 1000");
    }
    return limit == null ? 100 : limit.intValue();
  }

  private static Long number(MultivaluedMap<String, String> query, String name) {
    String value = query.getFirst(name);
    try {
      return value == null ? null : Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " '" + value + "' is not a whole number");
    }
  }

  private static OffsetDateTime time(MultivaluedMap<String, String> query, String name) {
    String value = query.getFirst(name);
    try {
      return value == null ? null : OffsetDateTime.parse(value.trim().replace(' ', '+'));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " '" + value + "' is not an ISO-8601 time such as 2024-05-01T00:00:00Z");
    }
  }
}
