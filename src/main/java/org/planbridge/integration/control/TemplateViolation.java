package org.planbridge.integration.control;

/** One thing wrong with a template's document: the line it starts on, the field (its path) and what is wrong. */
public record TemplateViolation(long line, String field, String problem) {

  @Override
  public String toString() {
    return "line " + line + (field == null ? "" : ", " + field) + ": " + problem;
  }
}
