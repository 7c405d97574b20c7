package org.planbridge.metrics.control;

import java.util.Locale;

/**
 * The two text formats Prometheus reads: its own (text format 0.0.4) and OpenMetrics 1.0, which a scraper asks for in
 * its {@code Accept} header (Prometheus does). Anything else gets the Prometheus text: a metrics route that refused
 * {@code curl}'s or a browser's {@code Accept} would help nobody.
 */
public enum Exposition {
  PROMETHEUS("text/plain; version=0.0.4; charset=utf-8"),
  OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

  private final String contentType;

  Exposition(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /** The format an {@code Accept} header asks for (null: none given). */
  public static Exposition accepted(String accept) {
    if (accept == null) {
      return PROMETHEUS;
    }
    for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
      String[] parts = range.split(";");
      if (parts[0].strip().equals("application/openmetrics-text") && !refused(parts)) {
        return OPENMETRICS;
      }
    }
    return PROMETHEUS;
  }

  /** {@code q=0}: the client says it does not take this type. */
  private static boolean refused(String[] parameters) {
    for (int i = 1; i < parameters.length; i++) {
      String parameter = parameters[i].strip().replace(" ", "");
      if (parameter.startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2)) <= 0;
        } catch (NumberFormatException e) {
          return true;
        }
      }
    }
    return false;
  }
}
