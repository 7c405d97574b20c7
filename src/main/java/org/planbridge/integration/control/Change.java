package org.planbridge.integration.control;

import java.util.List;
import java.util.Map;

/**
 * What an element does to one record: {@code insert}, {@code update}, or {@code skipped} (the template does not
 * let that record be inserted or updated; {@code reason} says which). {@code key} names the record by its key
 * fields; {@code fields} holds each written field's old and new value (old null for an insert).
 */
public record Change(int element, String record, String action, Map<String, Object> key,
    Map<String, List<Object>> fields, String reason) {

  public static final String INSERT = "insert";
  public static final String UPDATE = "update";
  public static final String SKIPPED = "skipped";
}
