package org.planbridge.platform.boundary;

import java.util.OptionalLong;

/**
 * The id in a path such as {@code /api/admin/connectors/{id}}: a whole number, or nothing. A path that
 * is not one names no record, so the resources answer it 404, like an id that is not there, instead of
 * JAX-RS's HTML 404 for a {@code long} parameter it cannot convert.
 */
public final class PathId {

  private PathId() {}

  public static OptionalLong of(String id) {
    try {
      return OptionalLong.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
