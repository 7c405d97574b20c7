package org.planbridge.integration.control;

/** An expression of a template that did not compile or did not finish within its limits, naming its field. */
public class ExpressionFailed extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String field;

  public ExpressionFailed(String field, String problem) {
    super(problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
