package org.planbridge.outbox.control;

/**
 * What the appointments list matches beyond the {@link TransactionFilter} of their latest transactions, from the
 * planning tables: text in the appointment's subject (ignoring case) and a resource it is assigned to. A null part
 * matches everything. A deleted appointment matches neither.
 */
public record AppointmentMatch(String subject, String resourceNo) {

  public static final AppointmentMatch ANY = new AppointmentMatch(null, null);
}
