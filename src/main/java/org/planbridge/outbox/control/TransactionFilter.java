package org.planbridge.outbox.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which transactions a list, a retry or an archive is about; the query parameters of
 * {@code /api/admin/transactions}. Archived transactions are left out unless asked for.
 */
public record TransactionFilter(Status status, String sourceApp, String jobNo, String taskNo, Long appointmentId,
    OffsetDateTime from, OffsetDateTime to, boolean archived) {

  static final Map<String, String> SORTABLE = Map.of("id", "id", "createdAt", "created_at", "lastAttemptAt",
      "last_attempt_at", "status", "status", "sourceApp", "source_app", "appointmentId", "appointment_id",
      "sequence", "sequence", "attempts", "attempts");

  /** The WHERE clause (never empty) and its parameters, in order. */
  public String where(List<Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add(archived ? "archived = TRUE" : "archived = FALSE");
    add(conditions, parameters, "status = ?", status == null ? null : status.label());
    add(conditions, parameters, "source_app = ?", sourceApp);
    add(conditions, parameters, "job_no = ?", jobNo);
    add(conditions, parameters, "task_no = ?", taskNo);
    add(conditions, parameters, "appointment_id = ?", appointmentId);
    add(conditions, parameters, "created_at >= ?", from);
    add(conditions, parameters, "created_at < ?", to);
    return " WHERE " + String.join(" AND ", conditions);
  }

  /** An ORDER BY from {@code field} or {@code -field}; refuses fields it does not know. */
  public static String orderBy(String sort) {
    String requested = sort == null || sort.isBlank() ? "-id" : sort.trim();
    boolean descending = requested.startsWith("-");
    String column = SORTABLE.get(descending ? requested.substring(1) : requested);
    if (column == null) {
      throw new IllegalArgumentException("sort '" + sort + "' is not one of " + String.join(", ", SORTABLE.keySet())
          + " (prefix - for descending)");
    }
    return " ORDER BY " + column + (descending ? " DESC" : "") + (column.equals("id") ? "" : ", id");
  }

  private static void add(List<String> conditions, List<Object> parameters, String condition, Object value) {
    if (value != null) {
      conditions.add(condition);
      parameters.add(value);
    }
  }
}
