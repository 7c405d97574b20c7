package org.planbridge.ingest.control;

import java.util.List;

/**
 * One import procedure: its name as the SDKs send it, what it does, on which table. {@code columns}
 * narrows it: for an update, the only columns it writes; for a clear or a delete by match, the columns it matches on.
 */
public record Procedure(String name, Operation operation, Target target, List<String> columns) {

  public boolean writesOnly() {
    return !columns.isEmpty() && operation != Operation.CLEAR && operation != Operation.DELETE_MATCHING;
  }
}
