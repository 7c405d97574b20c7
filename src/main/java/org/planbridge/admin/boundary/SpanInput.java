package org.planbridge.admin.boundary;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The text and the time span a filter form of the console has (the logs, the audit trail), as typed: times in UTC
 * to the minute or second ({@code 2026-12-01 17:25}), read by {@link #time}, which names the field it refuses.
 */
public class SpanInput implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

  private String text;
  private String from;
  private String to;

  /** The text typed, trimmed; null when blank. */
  String text() {
    return text == null || text.isBlank() ? null : text.trim();
  }

  OffsetDateTime from() {
    return time("from", from);
  }

  OffsetDateTime to() {
    return time("to", to);
  }

  /** A typed time in UTC; null when blank; refused with {@code field} named when it is no time. */
  static OffsetDateTime time(String field, String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(typed.trim().replace('T', ' '), TYPED).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": '" + typed.trim() + "' is not a time; write it as "
          + "2026-12-01 17:25 (UTC)");
    }
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }
}
