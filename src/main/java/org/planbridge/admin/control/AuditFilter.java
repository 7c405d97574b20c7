package org.planbridge.admin.control;

import java.time.OffsetDateTime;

/**
 * Which audit entries the Audit page lists and exports; a null part matches everything. {@code username} and
 * {@code action} exactly; {@code text} in the target or the outcome, ignoring case; {@code from} inclusive,
 * {@code to} exclusive.
 */
public record AuditFilter(String username, String action, String text, OffsetDateTime from, OffsetDateTime to) {

  public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);
}
