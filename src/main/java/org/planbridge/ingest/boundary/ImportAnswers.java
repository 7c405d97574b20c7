package org.planbridge.ingest.boundary;

import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.planbridge.ingest.control.ImportItem;
import org.planbridge.ingest.control.ImportRejected;
import org.planbridge.planning.control.AppointmentRef;
import org.planbridge.platform.boundary.Envelope;
import org.planbridge.platform.control.Failures;

/**
 * Runs an import and answers in the SDK envelope. Refusals answer HTTP 200 with the status inside
 * the envelope, because the .NET SDK shows the envelope's Description only then; a body too large
 * (413) or too slow (408), a missing key (401) and a key without the scope (403) answer with that
 * HTTP status too.
 */
final class ImportAnswers {

  private static final Logger LOG = Logger.getLogger(ImportAnswers.class.getName());

  private ImportAnswers() {}

  static Response run(Imports imports, Supplier<List<ImportItem>> items) {
    try {
      return success(imports.apply(items.get()));
    } catch (ImportRejected e) {
      return failure(e);
    } catch (EJBException e) {
      if (e.getCause() instanceof ImportRejected rejected) {
        return failure(rejected);
      }
      LOG.log(Level.SEVERE, "import failed", e);
      return Envelope.failure(200, 500, "PlanBridge failed: " + Failures.rootMessage(e));
    }
  }

  static Response failure(ImportRejected rejection) {
    int status = rejection.status();
    int httpStatus = status == 401 || status == 403 || status == 408 || status == 413 ? status : 200;
    return Envelope.failure(httpStatus, rejection.status(), rejection.getMessage());
  }

  private static Response success(List<AppointmentRef> appointments) {
    JsonArrayBuilder refs = Json.createArrayBuilder();
    appointments.forEach(ref -> refs.add(Json.createObjectBuilder().add("Id", ref.id()).add("Guid", ref.guid().toString())));
    JsonObject content = Json.createObjectBuilder()
        .add("Success", true)
        .addNull("Message")
        .add("Status", 200)
        .add("Appointments", refs)
        .build();
    return Envelope.wrap(200, 200, content);
  }
}
