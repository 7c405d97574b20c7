package org.planbridge.integration.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.planbridge.integration.control.Change;
import org.planbridge.integration.control.ElementError;
import org.planbridge.integration.control.RunRequest;
import org.planbridge.integration.control.Template;
import org.planbridge.planning.control.Snapshots;
import org.planbridge.platform.boundary.Problem;
import org.planbridge.platform.control.Jsons;

/**
 * The answer of a template import: what was done (counts of elements and of records inserted, updated and
 * skipped), every refused element (index, record, field, message), and with {@code simulate} or {@code verbose}
 * every change with its old and new values. 200 when the valid elements were applied (or, simulated, would be);
 * 422 when nothing is ({@code stopOnError} met a refusal, or every element was refused), as problem details with
 * the report's members besides.
 */
final class RunReport {

  private RunReport() {}

  static Response of(Template template, RunRequest request, TemplateRunner.Outcome outcome) {
    List<Change> changes = outcome.plan().changes();
    long refused = outcome.errors().stream().mapToInt(ElementError::element).distinct().count();
    int succeeded = request.stopOnError() && refused > 0 ? 0 : request.elements().size() - (int) refused;
    JsonObjectBuilder report = Jsons.JSON.createObjectBuilder()
        .add("template", template.name())
        .add("simulate", request.simulate())
        .add("applied", outcome.applied())
        .add("elements", request.elements().size())
        .add("succeeded", succeeded)
        .add("failed", refused)
        .add("inserted", count(changes, Change.INSERT, succeeded))
        .add("updated", count(changes, Change.UPDATE, succeeded))
        .add("skipped", count(changes, Change.SKIPPED, succeeded));
    JsonArrayBuilder errors = Jsons.JSON.createArrayBuilder();
    outcome.errors().forEach(error -> errors.add(error(error)));
    report.add("errors", errors);
    if (request.simulate() || request.verbose()) {
      JsonArrayBuilder listed = Jsons.JSON.createArrayBuilder();
      if (succeeded > 0) {
        changes.forEach(change -> listed.add(change(change)));
      }
      report.add("changes", listed);
    }
    if (refused > 0 && succeeded == 0) {
      // Problem details whose extension members are the report: a client reads a refusal the way every route's is.
      ElementError first = outcome.errors().get(0);
      JsonObjectBuilder problem = Jsons.JSON.createObjectBuilder().add("type", "about:blank")
          .add("title", "Nothing applied").add("status", 422)
          .add("detail", "Nothing was applied: " + refused + " of " + request.elements().size() + " elements refused"
              + (request.stopOnError() ? " (stopOnError)" : "") + "; the first, element " + first.element()
              + (first.record() == null ? "" : " (" + first.record() + (first.field() == null ? "" : "." + first.field())
              + ")") + ": " + first.message());
      report.build().forEach(problem::add);
      return Response.status(422).type(Problem.MEDIA_TYPE).entity(problem.build().toString()).build();
    }
    return Response.ok(report.build().toString(), MediaType.APPLICATION_JSON).build();
  }

  private static long count(List<Change> changes, String action, int succeeded) {
    return succeeded == 0 ? 0 : changes.stream().filter(change -> change.action().equals(action)).count();
  }

  private static JsonObjectBuilder error(ElementError error) {
    JsonObjectBuilder json = Jsons.JSON.createObjectBuilder().add("element", error.element());
    text(json, "record", error.record());
    text(json, "field", error.field());
    return json.add("message", error.message());
  }

  private static JsonObjectBuilder change(Change change) {
    JsonObjectBuilder key = Jsons.JSON.createObjectBuilder();
    change.key().forEach((name, value) -> key.add(name, Snapshots.read(value)));
    JsonObjectBuilder fields = Jsons.JSON.createObjectBuilder();
    for (Map.Entry<String, List<Object>> field : change.fields().entrySet()) {
      fields.add(field.getKey(), Jsons.JSON.createObjectBuilder().add("old", Snapshots.read(field.getValue().get(0)))
          .add("new", Snapshots.read(field.getValue().get(1))));
    }
    JsonObjectBuilder json = Jsons.JSON.createObjectBuilder().add("element", change.element())
        .add("record", change.record()).add("action", change.action()).add("key", key).add("fields", fields);
    if (change.reason() != null) {
      json.add("reason", change.reason());
    }
    return json;
  }

  private static void text(JsonObjectBuilder json, String name, String text) {
    if (text == null) {
      json.addNull(name);
    } else {
      json.add(name, text);
    }
  }
}
