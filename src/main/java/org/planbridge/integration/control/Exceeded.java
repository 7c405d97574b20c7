package org.planbridge.integration.control;

/** Thrown inside an evaluation when it passes one of its limits; JSONata lets it through as it is. */
final class Exceeded extends RuntimeException {

  private static final long serialVersionUID = 1L;

  Exceeded(String problem) {
    super(problem, null, false, false);
  }
}
