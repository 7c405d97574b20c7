package org.planbridge.planning.control;

import java.util.List;

/** A list ({@code GET /api/<route>}) that would hold more records than the server answers at once. */
public final class ListTooLong extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ListTooLong(PlanningCollection collection, int max, List<String> filters) {
    super("More than " + max + " records match GET /api/" + collection.route() + " (at most PLANBRIDGE_API_LIST_MAX,"
        + " " + max + ", are answered at once). Narrow the list with limit and offset, changedSince or sinceRowVersion"
        + (filters.isEmpty() ? "" : ", or " + String.join(", ", filters)) + "; or read it page by page from GET /api/"
        + collection.path() + ".");
  }
}
