package org.planbridge.ingest.control;

import jakarta.ejb.ApplicationException;
import org.planbridge.platform.control.BadBody;

/**
 * Why a request was refused, naming the item (its index in the request array, from 0), the
 * procedure and the parameter where there is one. Thrown anywhere in the import, it rolls the whole
 * request back: nothing of a refused request is written.
 */
@ApplicationException(rollback = true)
public class ImportRejected extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final int status;

  public ImportRejected(int status, String description) {
    super(description);
    this.status = status;
  }

  public static ImportRejected item(int index, String procedure, String parameter, String problem) {
    StringBuilder description = new StringBuilder("Item ").append(index);
    if (procedure != null) {
      description.append(" (").append(procedure).append(')');
    }
    if (parameter != null) {
      description.append(", parameter ").append(parameter);
    }
    return new ImportRejected(400, description.append(": ").append(problem).toString());
  }

  /** A body that cannot be read (malformed, too large, too slow), in the import's terms. */
  public static ImportRejected of(BadBody body) {
    return new ImportRejected(body.status(), body.getMessage());
  }

  public static ImportRejected request(String problem) {
    return new ImportRejected(400, problem);
  }

  public int status() {
    return status;
  }
}
