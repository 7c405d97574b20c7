package org.planbridge.admin.control;

import java.time.OffsetDateTime;

/** One captured log message, as the Logs page shows it; {@code thrown}: the stack trace, or null. */
public record LogLine(OffsetDateTime at, String level, int levelValue, String logger, String message, String thrown,
    Long transactionId, Long appointmentId) {}
