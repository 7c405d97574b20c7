package org.planbridge.outbox.control;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Messages and stack traces as the transaction table keeps them. */
final class Messages {

  static final int MESSAGE_LENGTH = 2000;

  private Messages() {}

  static String cut(String message) {
    return message == null || message.length() <= MESSAGE_LENGTH ? message : message.substring(0, MESSAGE_LENGTH);
  }

  static String stackTrace(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
