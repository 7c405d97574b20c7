package org.planbridge.platform.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an API key may do. Each route needs exactly one scope, decided by {@link #neededFor} from the
 * path alone, so that the key filter can refuse a call before any resource runs:
 *
 * <ul>
 *   <li>{@link #ADMIN}: the admin API, {@code /api/admin} and everything under it;
 *   <li>{@link #METRICS}: {@code /api/metrics...}, the Prometheus metrics (a scraper's key needs no more);
 *   <li>{@link #INGEST}: everything else: the import, the typed routes and the reads.
 * </ul>
 */
public enum Scope {
  INGEST,
  ADMIN,
  METRICS;

  /** The name in the API and in the {@code api_key.scopes} column. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return wireName();
  }

  /** The scope named exactly so ({@code ingest}, {@code admin}, {@code metrics}). */
  public static Optional<Scope> parse(String name) {
    return Arrays.stream(values()).filter(scope -> scope.wireName().equals(name)).findFirst();
  }

  /** {@code "ingest, admin, metrics"}, for messages. */
  public static String accepted() {
    return Arrays.stream(values()).map(Scope::wireName).collect(Collectors.joining(", "));
  }

  /**
   * The scope a request needs, from its path relative to {@code /api} (as the key filter sees it,
   * with or without a leading slash). The first segment decides, read the way the router reads it:
   * empty segments and matrix parameters ({@code admin;x=1}) do not hide it, and case does not
   * either (a differently cased path matches no admin route, but it is refused as one, never
   * let through as ingest).
   */
  public static Scope neededFor(String path) {
    String first = firstSegment(path == null ? "" : path).toLowerCase(Locale.ROOT);
    if (first.equals("admin")) {
      return ADMIN;
    }
    if (first.startsWith("metrics")) {
      return METRICS;
    }
    return INGEST;
  }

  /** The first segment of a path relative to {@code /api}, read as {@link #neededFor} reads it (not lower-cased). */
  public static String firstSegment(String path) {
    for (String segment : path.split("/")) {
      int matrix = segment.indexOf(';');
      String name = (matrix < 0 ? segment : segment.substring(0, matrix)).strip();
      if (!name.isEmpty()) {
        return name;
      }
    }
    return "";
  }
}
