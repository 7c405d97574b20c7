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
  private final Integer index;
  private final String procedure;
  private final String parameter;
  private final String problem;

  public ImportRejected(int status, String description) {
    this(status, description, null, null, null, description);
  }

  private ImportRejected(int status, String description, Integer index, String procedure, String parameter,
      String problem) {
    super(description);
    this.status = status;
    this.index = index;
    this.procedure = procedure;
    this.parameter = parameter;
    this.problem = problem;
  }

  public static ImportRejected item(int index, String procedure, String parameter, String problem) {
    StringBuilder description = new StringBuilder("Item ").append(index);
    if (procedure != null) {
      description.append(" (").append(procedure).append(')');
    }
    if (parameter != null) {
      description.append(", parameter ").append(parameter);
    }
    return new ImportRejected(400, description.append(": ").append(problem).toString(), index, procedure, parameter,
        problem);
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

  /** The index of the item it names (null: the request as a whole). */
  public Integer index() {
    return index;
  }

  /** The procedure of the item it names (null: none). */
  public String procedure() {
    return procedure;
  }

  /** The parameter it names, as the client spelled it (null: none). */
  public String parameter() {
    return parameter;
  }

  /** What was wrong, without the item and parameter it names. */
  public String problem() {
    return problem;
  }
}
