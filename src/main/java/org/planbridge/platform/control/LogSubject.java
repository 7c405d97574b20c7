package org.planbridge.platform.control;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a log message is about, for the console's Logs page, which shows and filters on it: the record's parameter,
 * next to the message. {@link #log} logs a message so; the server's log shows the message as it is.
 */
public record LogSubject(Long transactionId, Long appointmentId) {

  /**
   * Logs {@code message} about a transaction of an appointment. The message is the pattern's only argument, never
   * the pattern: a message with braces or quotes (a back office's answer) comes out unchanged.
   */
  public static void log(Logger logger, Level level, String message, long transactionId, long appointmentId) {
    if (logger.isLoggable(level)) {
      LogRecord record = new LogRecord(level, "{0}");
      record.setParameters(new Object[] {message, new LogSubject(transactionId, appointmentId)});
      record.setLoggerName(logger.getName());
      // the server's log names the logger's class as the source, not this helper
      record.setSourceClassName(logger.getName());
      record.setSourceMethodName(null);
      logger.log(record);
    }
  }
}
