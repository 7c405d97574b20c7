package org.planbridge.outbox.control;

import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * One change of an appointment (or of its assignments) to deliver: the appointment as it will be
 * sent, and whether the change came from the back office itself.
 */
public record AppointmentChange(long appointmentId, UUID guid, String sourceApp, String sourceType,
    String jobNo, String taskNo, char action, boolean sentFromBackOffice, JsonObject appointment) {

  public static final char INSERT = 'I';
  public static final char UPDATE = 'U';
  public static final char DELETE = 'D';
}
