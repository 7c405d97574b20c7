package org.planbridge.outbox.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.planbridge.outbox.control.Status;
import org.planbridge.outbox.control.TransactionFilter;
import org.planbridge.outbox.control.TransactionQueries;
import org.planbridge.platform.boundary.BodyLimits;
import org.planbridge.platform.boundary.PathId;
import org.planbridge.platform.boundary.Problem;
import org.planbridge.platform.control.BadBody;
import org.planbridge.platform.control.JsonBody;
import org.planbridge.platform.control.QueryParameters;
import org.planbridge.platform.control.StorableText;
import org.planbridge.platform.control.Jsons;

/**
 * {@code /api/admin/transactions}: what happened to every appointment change, and the retry and
 * archive an administrator needs after fixing a connector. A retry by hand is recorded as Website.
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class TransactionsResource {

  static final Set<String> FILTERS = Set.of("status", "sourceApp", "jobNo", "taskNo", "appointmentId", "from", "to",
      "archived");

  static final String ACTION = "{\"ids\": [1, 2]} or {\"filter\": {\"status\": \"Failed\"}}";

  @Inject TransactionQueries queries;
  @Inject DrainTrigger trigger;
  @Inject BodyLimits limits;

  @GET
  @Path("transactions")
  @Operation(summary = "List transactions", description = "Filters: status (e.g. 'MBOC Not Provided'), sourceApp, "
      + "jobNo, taskNo, appointmentId, from, to (ISO-8601, on createdAt), archived; sort (id, createdAt, "
      + "lastAttemptAt, status, ...; prefix - for descending); offset; limit (at most 1000). Answers {items, total}.")
  public Response list(@Context UriInfo uri) throws SQLException {
    try {
      MultivaluedMap<String, String> query = decoded(uri);
      return Response.ok(queries.list(filter(query), query.getFirst("sort"), offset(query), limit(query)).toString())
          .build();
    } catch (IllegalArgumentException e) {
      return Problem.of(400, "Bad query parameter", e.getMessage());
    }
  }

  @GET
  @Path("appointments")
  @Operation(summary = "Appointments with their newest transaction", description = "The same filters as the list, "
      + "applied to each appointment's newest transaction; sort lastTransaction (the default, -lastTransaction: newest "
      + "first), appointmentId, sourceApp, jobNo, taskNo, status, subject, start or end; offset; limit. Each item "
      + "is the newest transaction with the appointment's subject, start, end and resources. Answers {items, total}.")
  public Response appointments(@Context UriInfo uri) throws SQLException {
    try {
      MultivaluedMap<String, String> query = decoded(uri);
      return Response.ok(queries.appointments(filter(query), query.getFirst("sort"), offset(query), limit(query))
          .toString()).build();
    } catch (IllegalArgumentException e) {
      return Problem.of(400, "Bad query parameter", e.getMessage());
    }
  }

  @GET
  @Path("transactions/{id}")
  @Operation(summary = "One transaction with its attempts and the connector it used")
  public Response get(@PathParam("id") String id) throws SQLException {
    OptionalLong key = PathId.of(id);
    Optional<JsonObject> transaction = key.isPresent() ? queries.get(key.getAsLong()) : Optional.empty();
    return transaction.map(t -> Response.ok(t.toString()).build())
        .orElseGet(() -> Problem.of(404, "Not found", "There is no transaction " + id + "."));
  }

  @POST
  @Path("transactions/retry")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Send transactions again", description = "{\"ids\": [...]} or {\"filter\": {...}} with the "
      + "list's query parameters. Answers {\"affected\": n}.")
  public Response retry(@HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body)
      throws SQLException {
    return act(contentLength, body, true);
  }

  @POST
  @Path("transactions/archive")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Archive transactions", description = "{\"ids\": [...]} or {\"filter\": {...}}. "
      + "Answers {\"affected\": n}.")
  public Response archive(@HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body)
      throws SQLException {
    return act(contentLength, body, false);
  }

  private Response act(String contentLength, InputStream body, boolean retry) throws SQLException {
    int affected;
    try {
      JsonObject request = JsonBody.object(limits.admin(body, contentLength), ACTION);
      Set<String> keys = request.keySet();
      if (keys.size() != 1 || !keys.contains("ids") && !keys.contains("filter")) {
        throw new IllegalArgumentException("Send " + ACTION + ", not the keys " + keys + ".");
      }
      if (keys.contains("ids")) {
        List<Long> ids = ids(request.get("ids"));
        affected = retry ? queries.retry(ids, "Website") : queries.archive(ids);
      } else {
        TransactionFilter parsed = filter(filterOf(request.get("filter")));
        affected = retry ? queries.retry(parsed, "Website") : queries.archive(parsed);
      }
    } catch (BadBody e) {
      return Problem.of(e);
    } catch (IllegalArgumentException e) {
      return Problem.of(400, "Bad request body", e.getMessage());
    }
    if (retry && affected > 0) {
      trigger.wake();
    }
    return Response.ok(Jsons.JSON.createObjectBuilder().add("affected", affected).build().toString()).build();
  }

  /** The query's parameters, decoded strictly (a {@link QueryParameters.Bad} is an IllegalArgumentException). */
  private static MultivaluedMap<String, String> decoded(UriInfo uri) {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    QueryParameters.decode(uri.getQueryParameters(false)).forEach(query::put);
    return query;
  }

  /** {@code "ids"}: an array of transaction ids, whole numbers. */
  private static List<Long> ids(JsonValue value) {
    if (!(value instanceof JsonArray array)) {
      throw new IllegalArgumentException("ids must be an array of transaction ids, such as [1, 2].");
    }
    List<Long> ids = new ArrayList<>(array.size());
    for (JsonValue id : array) {
      BigDecimal number = id instanceof JsonNumber n ? n.bigDecimalValue() : null;
      if (number == null || number.signum() < 0 || number.stripTrailingZeros().scale() > 0
          || number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw new IllegalArgumentException("ids[" + ids.size() + "] must be a transaction id (a whole number from 0 to "
            + Long.MAX_VALUE + "), not " + id + ".");
      }
      ids.add(number.longValue());
    }
    return ids;
  }

  /** {@code "filter"}: an object with the list's query parameters, each a string, number or boolean. */
  private static MultivaluedMap<String, String> filterOf(JsonValue json) {
    if (!(json instanceof JsonObject object)) {
      throw new IllegalArgumentException("filter must be an object, such as {\"status\": \"Failed\"}.");
    }
    MultivaluedMap<String, String> filter = new MultivaluedHashMap<>();
    object.forEach((name, field) -> {
      String value = switch (field.getValueType()) {
        case STRING -> ((JsonString) field).getString();
        case NUMBER, TRUE, FALSE -> field.toString();
        default -> throw new IllegalArgumentException("filter." + name + " must be a string, number or boolean.");
      };
      String problem = StorableText.problem(value);
      if (problem != null) {
        throw new IllegalArgumentException("filter." + name + " " + problem + ".");
      }
      filter.add(name, value);
    });
    if (filter.containsKey("sort") || filter.containsKey("offset") || filter.containsKey("limit")) {
      throw new IllegalArgumentException("filter takes the list's filters " + FILTERS + ", not sort, offset or limit.");
    }
    return filter;
  }

  static TransactionFilter filter(MultivaluedMap<String, String> query) {
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      String name = parameter.getKey();
      if (!FILTERS.contains(name) && !Set.of("sort", "offset", "limit").contains(name)) {
        throw new IllegalArgumentException("unknown query parameter '" + name + "'; filters: " + FILTERS);
      }
      if (parameter.getValue().size() != 1) {
        throw new IllegalArgumentException(name + " must be given once");
      }
    }
    String archived = query.getFirst("archived");
    if (archived != null && !archived.equals("true") && !archived.equals("false")) {
      throw new IllegalArgumentException("archived must be true or false, not '" + archived + "'");
    }
    String status = query.getFirst("status");
    Status parsed = status == null ? null : Status.of(status).orElseThrow(() -> new IllegalArgumentException(
        "status '" + status + "' is not one of " + java.util.Arrays.stream(Status.values()).map(Status::label).toList()));
    return new TransactionFilter(parsed, query.getFirst("sourceApp"), query.getFirst("jobNo"), query.getFirst("taskNo"),
        number(query, "appointmentId"), time(query, "from"), time(query, "to"),
        Boolean.parseBoolean(archived));
  }

  static int offset(MultivaluedMap<String, String> query) {
    Long offset = number(query, "offset");
    if (offset != null && (offset < 0 || offset > Integer.MAX_VALUE)) {
      throw new IllegalArgumentException("offset must be from 0 to " + Integer.MAX_VALUE + ", not " + offset);
    }
    return offset == null ? 0 : offset.intValue();
  }

  static int limit(MultivaluedMap<String, String> query) {
    Long limit = number(query, "limit");
    if (limit != null && (limit < 1 || limit > 1000)) {
      throw new IllegalArgumentException("limit must be from 1 to 1000, not " + limit);
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
