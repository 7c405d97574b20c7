package org.planbridge.admin.control;

import java.time.OffsetDateTime;

/** One line of the console's audit trail. */
public record AuditEntry(long id, OffsetDateTime at, String username, String action, String target, String outcome) {}
