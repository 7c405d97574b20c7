package org.planbridge.outbox.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which transactions a list, a retry or an archive is about; the query parameters of
 * {@code /api/admin/transactions}, and of the console's lists ({@code anyOf}: one of several statuses, for error
 * tracking). Archived transactions are left out unless asked for.
 */
public record TransactionFilter(Status status, String sourceApp, String jobNo, String taskNo, Long appointmentId,
    OffsetDateTime from, OffsetDateTime to, boolean archived, Set<Status> anyOf) {

  /** The statuses that need someone's attention: a failure, or a connector that is missing or set up wrongly. */
  public static final Set<Status> ERRORS = Collections.unmodifiableSet(EnumSet.of(Status.FAILED, Status.NOT_PROVIDED,
      Status.INVALID_SYSTEM, Status.INVALID_TYPE, Status.INVALID_URI));

  /** A filter on one status or none ({@code anyOf} unset). */
  public TransactionFilter(Status status, String sourceApp, String jobNo, String taskNo, Long appointmentId,
      OffsetDateTime from, OffsetDateTime to, boolean archived) {
    this(status, sourceApp, jobNo, taskNo, appointmentId, from, to, archived, null);
  }

  static final Map<String, String> SORTABLE = Map.of("id", "id", "createdAt", "created_at", "lastAttemptAt",
      "last_attempt_at", "status", "status", "sourceApp", "source_app", "appointmentId", "appointment_id",
      "sequence", "sequence", "attempts", "attempts");

  /** The WHERE clause (never empty) and its parameters, in order. */
  public String where(List<Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add(archived ? "archived = TRUE" : "archived = FALSE");
    add(conditions, parameters, "status = ?", status == null ? null : status.label());
    if (anyOf != null && !anyOf.isEmpty()) {
      conditions.add("status IN (" + String.join(", ", Collections.nCopies(anyOf.size(), "?")) + ")");
      anyOf.stream().sorted().forEach(one -> parameters.add(one.label()));
    }
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
    return orderBy(sort, SORTABLE, "-id", "id");
  }

  /**
   * An ORDER BY from {@code field} or {@code -field} of {@code sortable} (field to column), {@code fallback} when
   * none is asked for, the column {@code id} breaking ties; refuses fields it does not know, naming those it does.
   */
  static String orderBy(String sort, Map<String, String> sortable, String fallback, String id) {
    String requested = sort == null || sort.isBlank() ? fallback : sort.trim();
    boolean descending = requested.startsWith("-");
    String column = sortable.get(descending ? requested.substring(1) : requested);
    if (column == null) {
      throw new IllegalArgumentException("sort '" + sort + "' is not one of " + String.join(", ",
          new java.util.TreeSet<>(sortable.keySet())) + " (prefix - for descending)");
    }
    return " ORDER BY " + column + (descending ? " DESC" : "") + (column.equals(id) ? "" : ", " + id);
  }

  private static void add(List<String> conditions, List<Object> parameters, String condition, Object value) {
    if (value != null) {
      conditions.add(condition);
      parameters.add(value);
    }
  }
}
