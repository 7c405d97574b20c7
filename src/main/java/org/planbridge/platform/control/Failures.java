package org.planbridge.platform.control;

/** Turns an exception chain into one line a person can act on, or its whole stack trace. */
public final class Failures {

  private Failures() {}

  public static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      return root.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).trim();
  }

  /** The failure's stack trace as {@code printStackTrace} writes it. */
  public static String stackTrace(Throwable failure) {
    java.io.StringWriter trace = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(trace));
    return trace.toString();
  }
}
