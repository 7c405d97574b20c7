package org.planbridge.outbox.control;

/** Messages as the transaction table keeps them. */
final class Messages {

  static final int MESSAGE_LENGTH = 2000;

  private Messages() {}

  static String cut(String message) {
    return message == null || message.length() <= MESSAGE_LENGTH ? message : message.substring(0, MESSAGE_LENGTH);
  }
}
