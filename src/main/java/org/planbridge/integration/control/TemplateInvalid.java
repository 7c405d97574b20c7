package org.planbridge.integration.control;

import java.util.List;

/** A template refused on save, with every violation found (each naming its line and field). */
public class TemplateInvalid extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient List<TemplateViolation> violations;

  public TemplateInvalid(List<TemplateViolation> violations) {
    super(String.join("; ", violations.stream().map(TemplateViolation::toString).toList()));
    this.violations = List.copyOf(violations);
  }

  public List<TemplateViolation> violations() {
    return violations;
  }
}
