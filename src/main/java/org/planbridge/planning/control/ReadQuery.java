package org.planbridge.planning.control;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a client asked to read, checked: paging, key filters, and the change-feed bounds. Every
 * parameter is validated here, before the database is touched, and an unknown parameter or a
 * filter the collection does not have is refused rather than ignored, so a typo never silently
 * returns everything.
 */
public record ReadQuery(
    PlanningCollection collection,
    int offset,
    int limit,
    /** Key filters by query parameter name ({@code jobNo}), each an equality on its column. */
    Map<String, String> filters,
    OffsetDateTime changedSince,
    Long sinceRowVersion,
    /** Appointments: those overlapping [startDate, endDate), either end open when not given. */
    OffsetDateTime startDate,
    OffsetDateTime endDate,
    /** Appointments: those assigned to any of these resources (numbers, or the ids the JS SDK sends). */
    List<String> resources,
    /** A list asked for as a page ({@code page}, from 1): answered {@code {"data": [...], "total": n}}. */
    Integer page) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;
  public static final String OFFSET = "offset";
  public static final String LIMIT = "limit";
  public static final String CHANGED_SINCE = "changedSince";
  public static final String SINCE_ROW_VERSION = "sinceRowVersion";
  private static final List<String> PAGING = List.of(OFFSET, LIMIT, CHANGED_SINCE, SINCE_ROW_VERSION);

  public static final String START_DATE = "startDate";
  public static final String END_DATE = "endDate";
  public static final String RESOURCES = "resources";
  public static final String PAGE = "page";

  public ReadQuery {
    filters = Map.copyOf(filters);
    resources = List.copyOf(resources);
  }

  /** Reads the query parameters of a page of {@code collection}; throws {@link BadParameter}. */
  public static ReadQuery parse(PlanningCollection collection, Set<String> columns,
      Map<String, List<String>> parameters) {
    return parse(collection, columns, parameters, DEFAULT_LIMIT, MAX_LIMIT, false);
  }

  /** As {@link #parse}, for {@code PlanningReads.items}: one record more than a page holds, its reader's look-ahead. */
  public static ReadQuery slice(PlanningCollection collection, Set<String> columns,
      Map<String, List<String>> parameters) {
    return parse(collection, columns, parameters, DEFAULT_LIMIT, MAX_LIMIT + 1, false);
  }

  /**
   * Reads the query parameters of a list ({@code GET /api/<route>}): the same as a page's, but without a
   * limit it reads everything, up to {@code max} records; or, with {@code page} (from 1, the JS SDK's paged
   * calls), {@code limit} records (100 unless given) from that page on.
   */
  public static ReadQuery list(PlanningCollection collection, Set<String> columns,
      Map<String, List<String>> parameters, int max) {
    boolean paged = parameters.containsKey(PAGE);
    return parse(collection, columns, parameters, paged ? Math.min(DEFAULT_LIMIT, max) : max, max, true);
  }

  private static ReadQuery parse(PlanningCollection collection, Set<String> columns,
      Map<String, List<String>> parameters, int defaultLimit, int maxLimit, boolean list) {
    List<String> accepted = new java.util.ArrayList<>(accepted(columns));
    if (list) {
      accepted.add(PAGE);
    }
    Map<String, String> single = new LinkedHashMap<>();
    List<String> resources = new java.util.ArrayList<>();
    parameters.forEach((name, values) -> {
      if (name.equals(RESOURCES) && accepted.contains(RESOURCES)) {
        resources.addAll(resources(values));
      } else {
        single.put(name, only(collection, accepted, name, values));
      }
    });
    Map<String, String> filters = new LinkedHashMap<>();
    for (String filter : PlanningCollection.filters(columns)) {
      String value = single.get(filter);
      if (value != null) {
        if (value.isBlank()) {
          throw new BadParameter(filter, "Query parameter '" + filter + "' must not be empty.");
        }
        filters.put(filter, value);
      }
    }
    int limit = integer(single, LIMIT, defaultLimit, 1, maxLimit);
    Integer page = single.containsKey(PAGE) ? integer(single, PAGE, 1, 1, Integer.MAX_VALUE) : null;
    if (page != null && single.containsKey(OFFSET)) {
      throw new BadParameter(OFFSET, "Query parameters 'page' and 'offset' say the same thing; give one of them.");
    }
    long pageOffset = page == null ? 0 : (long) (page - 1) * limit;
    if (pageOffset > Integer.MAX_VALUE) {
      throw new BadParameter(PAGE, "Query parameter 'page' is too far: page " + page + " of " + limit + " starts"
          + " beyond the last row any table can have.");
    }
    return new ReadQuery(
        collection,
        page != null ? (int) pageOffset : integer(single, OFFSET, 0, 0, Integer.MAX_VALUE),
        limit,
        filters,
        timestamp(single, CHANGED_SINCE),
        rowVersion(single, SINCE_ROW_VERSION),
        timestamp(single, START_DATE),
        timestamp(single, END_DATE),
        resources,
        page);
  }

  private static List<String> resources(List<String> values) {
    List<String> resources = new java.util.ArrayList<>();
    for (String value : values) {
      String resource = value == null ? "" : value.trim();
      if (resource.isEmpty()) {
        throw new BadParameter(RESOURCES, "Query parameter '" + RESOURCES + "' must not be empty.");
      }
      resources.add(resource);
    }
    return resources;
  }

  /**
   * The names a table with these columns accepts, paging first; a table of periods with assignments (appointments)
   * also takes a time window and resources, as the JS SDK's {@code GET appointment?startDate=&endDate=&resources=}.
   */
  public static List<String> accepted(Set<String> columns) {
    Stream<String> window = columns.containsAll(List.of("appointment_id", "start_time", "end_time"))
        ? Stream.of(START_DATE, END_DATE, RESOURCES) : Stream.empty();
    return Stream.of(PAGING.stream(), PlanningCollection.filters(columns).stream(), window).flatMap(s -> s).toList();
  }

  private static String only(PlanningCollection collection, List<String> names, String name, List<String> values) {
    if (!names.contains(name)) {
      String accepted = String.join(", ", names);
      throw new BadParameter(name, PlanningCollection.KEY_FILTERS.contains(name)
          ? "Query parameter '" + name + "' is not a filter of " + collection.path() + "; it accepts " + accepted + "."
          : "Unknown query parameter '" + name + "'; " + collection.path() + " accepts " + accepted + ".");
    }
    if (values == null || values.size() != 1) {
      throw new BadParameter(name, "Query parameter '" + name + "' must be given once.");
    }
    return values.get(0) == null ? "" : values.get(0).trim();
  }

  private static int integer(Map<String, String> parameters, String name, int fallback, int min, int max) {
    String value = parameters.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below, with the range
    }
    String range = "a whole number from " + min + " to " + max;
    throw new BadParameter(name, "Query parameter '" + name + "' must be " + range + ", not '" + value + "'.");
  }

  private static OffsetDateTime timestamp(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      // An unencoded '+' in the offset reaches us as a space: 2024-05-01T10:00:00 02:00.
      try {
        return OffsetDateTime.parse(value.replace(' ', '+'));
      } catch (DateTimeParseException ignored) {
        throw new BadParameter(name, "Query parameter '" + name + "' must be an ISO-8601 timestamp with an offset,"
            + " such as 2024-05-01T08:00:00Z or 2024-05-01T10:00:00%2B02:00, not '" + value + "'.");
      }
    }
  }

  private static Long rowVersion(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    if (value == null) {
      return null;
    }
    try {
      long number = Long.parseLong(value);
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadParameter(name, "Query parameter '" + name + "' must be a row version (a whole number of at least 0),"
        + " not '" + value + "'.");
  }
}
