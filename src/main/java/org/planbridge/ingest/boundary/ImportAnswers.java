package org.planbridge.ingest.boundary;

import jakarta.ejb.EJBException;
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
import org.planbridge.platform.control.Jsons;

/** Runs an import and answers in the SDK envelope ({@link Envelope#refusal} says with which HTTP status). */
final class ImportAnswers {

  private static final Logger LOG = Logger.getLogger(ImportAnswers.class.getName());

  private ImportAnswers() {}

  /** Runs the import of {@code items} and answers it, counted by {@code meter}. */
  static Response run(Imports imports, ImportMeters.Route meter, Supplier<List<ImportItem>> items) {
    int count = 0;
    try {
      List<ImportItem> read = items.get();
      count = read.size();
      Response answer = success(imports.apply(read));
      meter.answered(200, count);
      return answer;
    } catch (ImportRejected e) {
      return failure(meter, e, count);
    } catch (EJBException e) {
      if (e.getCause() instanceof ImportRejected rejected) {
        return failure(meter, rejected, count);
      }
      LOG.log(Level.SEVERE, "import failed", e);
      meter.answered(500, count);
      return Envelope.refusal(500, "PlanBridge failed on this request; the server log has the details.");
    }
  }

  /** The refusal of a request with {@code items} items (0: none could be read), counted by {@code meter}. */
  static Response failure(ImportMeters.Route meter, ImportRejected rejection, int items) {
    meter.answered(rejection.status(), items);
    return Envelope.refusal(rejection.status(), rejection.getMessage());
  }

  private static Response success(List<AppointmentRef> appointments) {
    JsonArrayBuilder refs = Jsons.JSON.createArrayBuilder();
    appointments.forEach(ref -> refs.add(Jsons.JSON.createObjectBuilder().add("Id", ref.id())
        .add("Guid", ref.guid().toString())));
    JsonObject content = Jsons.JSON.createObjectBuilder()
        .add("Success", true)
        .addNull("Message")
        .add("Status", 200)
        .add("Appointments", refs)
        .build();
    return Envelope.wrap(200, 200, content);
  }
}
