package org.planbridge.planning.control;

import java.util.List;

/** One page of a collection: the rows, how many rows match in all, and where the page starts. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

  public Page {
    items = List.copyOf(items);
  }
}
