package org.planbridge.integration.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.planbridge.integration.control.ExportMapper;
import org.planbridge.integration.control.ExpressionFailed;
import org.planbridge.integration.control.Sandbox;
import org.planbridge.integration.control.Template;
import org.planbridge.outbox.control.TransactionQueries;
import org.planbridge.planning.control.BadParameter;
import org.planbridge.planning.control.Parameters;
import org.planbridge.planning.control.PlanningCollection;
import org.planbridge.planning.control.ReadQuery;
import org.planbridge.platform.control.Jsons;

/**
 * {@code GET /api/integration/{template}}: the records of an export template's source created or changed after
 * {@code since}, a page at a time in row-version order, each shaped by the template. A page is the planning read's
 * items (the same filters and order; one more is read to tell whether more follow, no count), read in a
 * transaction of its own that has ended before the expressions run. An appointment also carries its resources
 * ({@code [{"resourceNo"}]}) and its newest transaction ({@code latestTransaction}, as the transactions list shows
 * it). The answer's {@code cursor} asks for the next page. A record whose expression fails, or runs past its
 * deadline, is left out and reported in {@code errors} (its row version, the field, why), so one bad record does
 * not stop the export behind it.
 */
@ApplicationScoped
public class TemplateExports {

  /** A page holds at most this many records. */
  static final int MAX_LIMIT = ReadQuery.MAX_LIMIT;
  static final int DEFAULT_LIMIT = ReadQuery.DEFAULT_LIMIT;
  static final List<String> PARAMETERS = List.of("since", "cursor", "limit");
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

  @Inject TemplateRuns runs;
  @Inject TransactionQueries transactions;

  /** The page's answer; throws {@link BadParameter} for a query it cannot take. */
  String export(Template template, Map<String, List<String>> query, Sandbox sandbox) throws SQLException {
    Parameters.only(query, PARAMETERS);
    String since = Parameters.single(query, "since");
    long cursor = Parameters.whole(query, "cursor", 0, Long.MAX_VALUE, 0);
    int limit = (int) Parameters.whole(query, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    PlanningCollection collection = switch (template.source()) {
      case "appointments" -> PlanningCollection.APPOINTMENTS;
      case "tasks" -> PlanningCollection.TASKS;
      case "jobs" -> PlanningCollection.JOBS;
      default -> PlanningCollection.RESOURCES;
    };
    Map<String, List<String>> page = new java.util.HashMap<>();
    page.put(ReadQuery.LIMIT, List.of(String.valueOf(limit + 1))); // one more: whether more follow
    page.put(ReadQuery.SINCE_ROW_VERSION, List.of(String.valueOf(cursor)));
    if (since != null) {
      page.put(ReadQuery.CHANGED_SINCE, List.of(since(since).toString()));
    }
    List<JsonObject> read = Jsons.JSON.createReader(new StringReader(runs.records(collection, page))).readObject()
        .getJsonArray("items").getValuesAs(JsonObject.class);
    boolean more = read.size() > limit;
    List<JsonObject> records = more ? read.subList(0, limit) : read;
    if (collection == PlanningCollection.APPOINTMENTS) {
      records = withTransactions(records);
    }
    List<JsonObject> all = records;
    Object[] results = sandbox.each(all.size(), index -> {
      try {
        return ExportMapper.map(template, all.get(index), sandbox);
      } catch (ExpressionFailed e) {
        return e;
      }
    });
    JsonArrayBuilder items = Jsons.JSON.createArrayBuilder();
    JsonArrayBuilder errors = Jsons.JSON.createArrayBuilder();
    for (int index = 0; index < results.length; index++) {
      if (results[index] instanceof ExpressionFailed e) {
        errors.add(Jsons.JSON.createObjectBuilder().add("rowVersion", all.get(index).getJsonNumber("rowVersion"))
            .add("field", e.field() == null ? "" : e.field()).add("message", e.getMessage()));
      } else {
        items.add((JsonObject) results[index]);
      }
    }
    String next = records.isEmpty() ? String.valueOf(cursor)
        : records.get(records.size() - 1).getJsonNumber("rowVersion").toString();
    return Jsons.JSON.createObjectBuilder().add("template", template.name()).add("items", items).add("errors", errors)
        .add("cursor", next).add("more", more).build().toString();
  }

  /** Each appointment with its resources as objects and its newest transaction (null without one). */
  private List<JsonObject> withTransactions(List<JsonObject> appointments) throws SQLException {
    Map<Long, JsonObject> latest = transactions.latest(appointments.stream()
        .map(appointment -> appointment.getJsonNumber("appointmentId").longValue()).toList());
    List<JsonObject> records = new ArrayList<>(appointments.size());
    for (JsonObject appointment : appointments) {
      JsonArrayBuilder resources = Jsons.JSON.createArrayBuilder();
      appointment.getJsonArray("resources").getValuesAs(JsonString.class)
          .forEach(resource -> resources.add(Jsons.JSON.createObjectBuilder().add("resourceNo", resource.getString())));
      JsonObject transaction = latest.get(appointment.getJsonNumber("appointmentId").longValue());
      records.add(Jsons.JSON.createObjectBuilder(appointment).add("resources", resources)
          .add("latestTransaction", transaction == null ? JsonValue.NULL : transaction).build());
    }
    return records;
  }

  /** {@code since} as a time: {@code yyyyMMddHHmmss} (UTC), or ISO-8601 (a date alone is its start, UTC). */
  static OffsetDateTime since(String text) {
    String trimmed = text.trim();
    try {
      if (trimmed.matches("\\d{14}")) {
        return LocalDateTime.parse(trimmed, COMPACT).atOffset(ZoneOffset.UTC);
      }
      if (trimmed.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(trimmed).atStartOfDay().atOffset(ZoneOffset.UTC);
      }
      try {
        return OffsetDateTime.parse(trimmed);
      } catch (DateTimeParseException noOffset) {
        return LocalDateTime.parse(trimmed).atOffset(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException e) {
      throw new BadParameter("since", "Query parameter 'since' must be a time as yyyyMMddHHmmss (UTC) or ISO-8601 "
          + "(2026-12-02T08:00:00Z, 2026-12-02), not '" + text + "'.");
    }
  }
}
