package org.planbridge.admin.control;

import java.time.OffsetDateTime;

/**
 * Which captured messages the Logs page lists; a null part matches everything. {@code minLevel}: a
 * {@code java.util.logging} level value (900: WARNING and SEVERE); {@code text}: in the message or the logger's name,
 * ignoring case; {@code from} inclusive, {@code to} exclusive.
 */
public record LogFilter(Integer minLevel, OffsetDateTime from, OffsetDateTime to, String text, Long transactionId,
    Long appointmentId) {

  public static final LogFilter ALL = new LogFilter(null, null, null, null, null, null);
}
