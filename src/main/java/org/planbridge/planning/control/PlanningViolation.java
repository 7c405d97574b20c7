package org.planbridge.planning.control;

/** A write the planning model refuses: a missing parent, an end before its start, an unknown appointment. */
public class PlanningViolation extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PlanningViolation(String message) {
    super(message);
  }
}
