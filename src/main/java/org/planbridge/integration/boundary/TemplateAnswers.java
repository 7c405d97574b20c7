package org.planbridge.integration.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.planbridge.integration.control.Template;
import org.planbridge.integration.control.TemplateInvalid;
import org.planbridge.integration.control.TemplateStore;
import org.planbridge.integration.control.TemplateViolation;
import org.planbridge.platform.boundary.Problem;
import org.planbridge.platform.control.BadBody;
import org.planbridge.platform.control.Jsons;

/** How the template routes answer: a template's summary, and every refusal as problem details naming the field. */
final class TemplateAnswers {

  private TemplateAnswers() {}

  static JsonObject summary(Template template) {
    JsonObjectBuilder json = Jsons.JSON.createObjectBuilder().add("name", template.name())
        .add("direction", template.direction().wireName());
    if (template.description() == null) {
      json.addNull("description");
    } else {
      json.add("description", template.description());
    }
    return json.add("reads", array(template.reads())).add("writes", array(template.writes())).build();
  }

  /** The list route's answer, for either scope: refused when queried (it has no filters). */
  static Response listed(jakarta.ws.rs.core.UriInfo uri, TemplateStore store) {
    Response queried = Problem.whenQueried(uri, "the template list");
    return queried != null ? queried : Response.ok(list(store.list())).build();
  }

  private static String list(List<Template> templates) {
    JsonArrayBuilder items = Jsons.JSON.createArrayBuilder();
    templates.forEach(template -> items.add(summary(template)));
    return Jsons.JSON.createObjectBuilder().add("items", items).add("total", templates.size()).build().toString();
  }

  private static JsonArrayBuilder array(List<String> texts) {
    JsonArrayBuilder array = Jsons.JSON.createArrayBuilder();
    texts.forEach(array::add);
    return array;
  }

  /** Runs an action; a refusal becomes problem details (400 with each violation's line and field, 404, 409). */
  static Response answer(Supplier<Response> action) {
    try {
      return action.get();
    } catch (TemplateInvalid e) {
      TemplateViolation first = e.violations().get(0);
      return Problem.of(400, "Invalid template" + (first.field() == null ? "" : ": " + first.field()), e.getMessage());
    } catch (TemplateStore.Refused e) {
      return Problem.of(e.status(), e.status() == 404 ? "Not Found" : "Conflict", e.getMessage());
    } catch (BadBody e) {
      return Problem.of(e);
    }
  }
}
