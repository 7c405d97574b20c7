package org.planbridge.integration.control;

import com.dashjoin.jsonata.Jsonata.Frame;
import java.util.Collection;
import java.util.Map;

/**
 * One evaluation's limits as it runs. JSONata calls back before and after every step ({@link Frame}'s entry and
 * exit callbacks, which its own time box uses too); here each step checks the deadline and the thread's
 * interrupt, and each step's result its size, so a list or a text over the limits ends the evaluation at the
 * step that made it, before a later step can build on it. What a single builtin does inside one step is bounded
 * by {@link GuardedFunctions}.
 */
final class Budget {

  private final ExpressionLimits limits;
  private final long deadline;
  private int depth;
  private long produced;

  Budget(ExpressionLimits limits) {
    this.limits = limits;
    this.deadline = System.nanoTime() + limits.deadlineMillis() * 1_000_000L;
  }

  ExpressionLimits limits() {
    return limits;
  }

  void watch(Frame frame) {
    frame.setEvaluateEntryCallback((expression, input, environment) -> {
      if (!environment.isParallelCall && ++depth > limits.maxDepth()) {
        throw new Exceeded("nests deeper than " + limits.maxDepth() + " calls");
      }
      check();
    });
    frame.setEvaluateExitCallback((expression, input, environment, result) -> {
      if (!environment.isParallelCall) {
        depth--;
      }
      check();
      size(result);
    });
  }

  void check() {
    if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
      throw new Exceeded("took longer than " + limits.deadlineMillis() + " ms");
    }
  }

  /** Refuses a step's result over the limits; a range is a list that knows its size before it is read. */
  void size(Object result) {
    if (result instanceof Collection<?> list && list.size() > limits.maxItems()
        || result instanceof Map<?, ?> map && map.size() > limits.maxItems()) {
      throw new Exceeded("makes a list of more than " + limits.maxItems() + " items");
    }
    if (result instanceof CharSequence text) {
      chars(text.length());
    }
  }

  /**
   * Counts a text a step makes: one may have {@code maxChars}, and all of an evaluation's together ten times as
   * many, so that a loop making large texts cannot fill the heap before the deadline.
   */
  void chars(long length) {
    produced += length;
    if (length > limits.maxChars()) {
      throw new Exceeded("makes a text of more than " + limits.maxChars() + " characters");
    }
    if (produced > 10L * limits.maxChars()) {
      throw new Exceeded("makes texts of more than " + 10L * limits.maxChars() + " characters in all");
    }
  }
}
