package org.planbridge.integration.control;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.Frame;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Compiles and evaluates a template's JSONata expressions within their {@link ExpressionLimits}. Two walls: inside
 * the evaluation, the {@link Budget} checks the deadline and the sizes at every step and the
 * {@link GuardedFunctions} within the builtins that could run long in one step; outside it, the evaluation runs on
 * the given executor and the caller waits at most the deadline (and a little), then interrupts it and answers the
 * refusal, so the request's thread is free whatever the expression does.
 */
public final class Sandbox {

  /** What the caller waits beyond the deadline before it stops waiting: the inner checks should have ended it. */
  private static final long GRACE_MILLIS = 50;

  private final ExecutorService executor;
  private final ExpressionLimits limits;

  public Sandbox(ExecutorService executor, ExpressionLimits limits) {
    this.executor = executor;
    this.limits = limits;
  }

  /** The compiled expression, or a refusal with JSONata's message naming the field. */
  public static Jsonata compile(String field, String expression) {
    try {
      Jsonata compiled = Jsonata.jsonata(expression);
      if (compiled.getErrors() != null && !compiled.getErrors().isEmpty()) {
        throw new ExpressionFailed(field, "does not compile: " + compiled.getErrors().get(0).getMessage());
      }
      return compiled;
    } catch (JException e) {
      throw new ExpressionFailed(field, "does not compile: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      throw new ExpressionFailed(field, "does not compile: " + e);
    }
  }

  /**
   * The expression's value over {@code input} (maps, lists, texts, numbers, booleans), with {@code variables}
   * bound ({@code element} is {@code $element}); null where it has none.
   */
  public Object evaluate(String field, Jsonata expression, Object input, Map<String, Object> variables) {
    Future<Object> running = executor.submit(() -> run(expression, input, variables));
    try {
      return running.get(limits.deadlineMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      running.cancel(true);
      throw new ExpressionFailed(field, "took longer than " + limits.deadlineMillis() + " ms");
    } catch (InterruptedException e) {
      running.cancel(true);
      Thread.currentThread().interrupt();
      throw new ExpressionFailed(field, "was interrupted");
    } catch (ExecutionException e) {
      throw new ExpressionFailed(field, reason(e.getCause()));
    }
  }

  private Object run(Jsonata expression, Object input, Map<String, Object> variables) {
    Budget budget = new Budget(limits);
    Frame frame = expression.createFrame();
    variables.forEach(frame::bind);
    GuardedFunctions.bind(frame, budget);
    budget.watch(frame);
    Object result = expression.evaluate(input, frame);
    budget.size(result);
    return result;
  }

  /** The limit passed, or JSONata's own message; never a stack trace. */
  private static String reason(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof Exceeded exceeded) {
        return exceeded.getMessage();
      }
    }
    if (failure instanceof StackOverflowError) {
      return "nests too deep";
    }
    if (failure instanceof OutOfMemoryError) {
      return "needs more memory than an expression may take";
    }
    String message = failure.getMessage();
    return "failed: " + (message == null ? failure.getClass().getSimpleName() : message);
  }
}
