package org.planbridge.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.planbridge.platform.control.Jsons;

/**
 * Writes a transaction for an appointment change on the caller's connection, inside the caller's
 * database transaction: the change and its transaction commit together or not at all. The new transaction is the
 * appointment's latest (the console's appointments list reads those); the one before it no longer is.
 */
@ApplicationScoped
public class Outbox {

  static final String ECHO = "Sent from the back office: not sent back to it";

  @Inject Event<Enqueued> enqueued;

  public void enqueue(Connection connection, AppointmentChange change, String source) throws SQLException {
    long sequence = nextSequence(connection, change.appointmentId());
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    String payload = Jsons.JSON.createObjectBuilder()
        .add("action", String.valueOf(change.action()))
        .add("sequence", sequence)
        .add("changedAt", now.toString())
        .add("appointment", change.appointment())
        .build().toString();
    Status status = change.sentFromBackOffice() ? Status.SKIPPED : Status.PENDING;
    try (PreparedStatement older = connection.prepareStatement("UPDATE appointment_transaction SET latest = FALSE "
        + "WHERE appointment_id = ? AND latest = TRUE")) {
      older.setLong(1, change.appointmentId());
      older.executeUpdate();
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO appointment_transaction (appointment_id, "
        + "appointment_guid, source_app, source_type, job_no, task_no, action, sequence, payload, changed_at, "
        + "sent_from_back_office, status, source, message, latest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        + "TRUE)")) {
      insert.setLong(1, change.appointmentId());
      insert.setObject(2, change.guid());
      insert.setString(3, change.sourceApp());
      insert.setString(4, change.sourceType());
      insert.setString(5, change.jobNo());
      insert.setString(6, change.taskNo());
      insert.setString(7, String.valueOf(change.action()));
      insert.setLong(8, sequence);
      insert.setString(9, payload);
      insert.setObject(10, now);
      insert.setBoolean(11, change.sentFromBackOffice());
      insert.setString(12, status.label());
      insert.setString(13, source);
      insert.setString(14, change.sentFromBackOffice() ? ECHO : null);
      insert.executeUpdate();
    }
    if (status == Status.PENDING) {
      enqueued.fire(new Enqueued(change.appointmentId()));
    }
  }

  /** The next number in the appointment's own sequence; the appointment's row lock orders writers. */
  private static long nextSequence(Connection connection, long appointmentId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT COALESCE(MAX(sequence), 0) + 1 FROM appointment_transaction WHERE appointment_id = ?")) {
      query.setLong(1, appointmentId);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /** Fired for every transaction to deliver; observed after the commit to start a drain at once. */
  public record Enqueued(long appointmentId) {}
}
