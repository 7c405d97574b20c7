package org.planbridge.integration.control;

/**
 * A text that checks its evaluation's deadline whenever it is read. A regular expression reads its input
 * through {@link #charAt} and never looks at the clock or at an interrupt, so a backtracking pattern would run
 * as long as it likes; matched over this, it stops at the deadline.
 */
final class DeadlineChars implements CharSequence {

  private final CharSequence text;
  private final Budget budget;

  DeadlineChars(CharSequence text, Budget budget) {
    this.text = text;
    this.budget = budget;
  }

  @Override
  public char charAt(int index) {
    budget.check();
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new DeadlineChars(text.subSequence(start, end), budget);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
