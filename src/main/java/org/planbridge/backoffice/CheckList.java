package org.planbridge.backoffice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The steps of one connection check, run in order until one fails: each is timed, and its failure's message (or
 * what {@code explain} makes of the failure) is what the administrator reads.
 */
public final class CheckList {

  /** A step's work. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws Exception;
  }

  private final List<CheckStep> steps = new ArrayList<>();
  private final Function<Exception, String> explain;

  public CheckList(Function<Exception, String> explain) {
    this.explain = explain;
  }

  /** Runs the step unless an earlier one failed; answers its result, or null when it (or an earlier one) failed. */
  public <T> T run(String step, Work<T> work, Function<T, String> describe) {
    if (failed()) {
      return null;
    }
    long begin = System.nanoTime();
    try {
      T result = work.run();
      steps.add(new CheckStep(step, true, elapsedMs(begin), describe.apply(result)));
      return result;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      steps.add(new CheckStep(step, false, elapsedMs(begin), explain.apply(e)));
      return null;
    }
  }

  public boolean failed() {
    return steps.stream().anyMatch(s -> !s.ok());
  }

  public List<CheckStep> steps() {
    return List.copyOf(steps);
  }

  private static long elapsedMs(long begin) {
    return (System.nanoTime() - begin) / 1_000_000;
  }
}
