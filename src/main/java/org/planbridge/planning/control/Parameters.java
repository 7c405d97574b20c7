package org.planbridge.planning.control;

import java.util.List;
import java.util.Map;

/**
 * The rules the query of one of PlanBridge's own reads (an export, the change feed) meets: only the parameters
 * the route takes, each given once, numbers within their range. A breach is a {@link BadParameter} naming it.
 */
public final class Parameters {

  private Parameters() {}

  /** Refuses a parameter not in {@code known} and one given more than once. */
  public static void only(Map<String, List<String>> query, List<String> known) {
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      if (!known.contains(parameter.getKey())) {
        throw new BadParameter(parameter.getKey(), "Query parameter '" + parameter.getKey() + "' is not "
            + (known.size() == 1 ? known.get(0) + ", the only one this route takes."
                : "one of " + String.join(", ", known.subList(0, known.size() - 1)) + " and " + known.get(known.size() - 1)
                    + "."));
      }
      if (parameter.getValue().size() > 1) {
        throw new BadParameter(parameter.getKey(), "Query parameter '" + parameter.getKey() + "' is given "
            + parameter.getValue().size() + " times; give it once.");
      }
    }
  }

  /** The parameter's value, or null without one. */
  public static String single(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A whole number from {@code min} to {@code max}, or {@code otherwise} when the parameter is not given. */
  public static long whole(Map<String, List<String>> query, String name, long min, long max, long otherwise) {
    String text = single(query, name);
    if (text == null) {
      return otherwise;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new BadParameter(name, "Query parameter '" + name + "' must be a whole number from " + min + " to " + max
        + ", not '" + text + "'.");
  }
}
