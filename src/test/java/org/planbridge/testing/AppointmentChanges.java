package org.planbridge.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.Target;

/** The appointment change the back-office client tests deliver: every kind of value, a null, two resources, a field value and a blank one. */
public final class AppointmentChanges {

  private AppointmentChanges() {}

  public static Delivery delivery(long transactionId, char action, Target target) {
    JsonObject appointment = Json.createObjectBuilder().add("appointmentId", 42)
        .add("appointmentGuid", "6f9619ff-8b86-d011-b42d-00c04fc964ff").add("sourceApp", "BC").add("sourceType", "SO")
        .add("jobNo", "J-1").add("taskNo", "T-1").add("subject", "Visit <& \"quoted\">").addNull("body")
        .add("start", "2024-05-01T08:00Z").add("end", "2024-05-01T09:30Z").add("isAllDayEvent", false)
        .add("importance", 1).add("planningQty", 1.5).add("sentFromBackOffice", false)
        .add("resources", Json.createArrayBuilder().add("R-1").add("R-2"))
        .add("fieldValues", Json.createObjectBuilder().add("REMARK", "Ring twice").addNull("GATE")).build();
    String body = Json.createObjectBuilder().add("transactionId", transactionId).add("action", String.valueOf(action))
        .add("sequence", 1).add("changedAt", "2024-04-30T12:00:00Z").add("appointment", appointment).build().toString();
    return new Delivery(transactionId, body, target);
  }
}
