package org.planbridge.integration.control;

/**
 * How much one expression may take: its hard deadline, the most items a list and the most characters a
 * text may have at any step of it, and how deep its calls may nest. A template is written by a client, so
 * every expression is treated as hostile.
 */
public record ExpressionLimits(long deadlineMillis, int maxItems, int maxChars, int maxDepth) {

  public static final ExpressionLimits DEFAULT = new ExpressionLimits(200, 100_000, 1_000_000, 100);

  /** These limits with another deadline ({@code planbridge.integration.expression.deadline.ms}). */
  public ExpressionLimits withDeadline(long millis) {
    return new ExpressionLimits(millis, maxItems, maxChars, maxDepth);
  }
}
