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
   * bound ({@code element} is {@code $element}); null where it has none. Called within {@link #within}, it runs on
   * that work's thread, watched by its caller; otherwise it is work of its own.
   */
  public Object evaluate(String field, Jsonata expression, Object input, Map<String, Object> variables) {
    Watch watch = WATCH.get();
    if (watch == null) {
      return within(() -> evaluate(field, expression, input, variables));
    }
    watch.field = field;
    watch.startedAt = System.nanoTime();
    try {
      return run(expression, input, variables);
    } catch (ExpressionFailed e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw new ExpressionFailed(field, reason(e));
    } finally {
      watch.startedAt = 0;
    }
  }

  /** The evaluation running on a work's thread, as its caller watches it: 0 between evaluations. */
  private static final class Watch {
    volatile long startedAt;
    volatile String field;
  }

  private static final ThreadLocal<Watch> WATCH = new ThreadLocal<>();

  /**
   * Runs {@code work}, which may evaluate any number of expressions, as one task on the executor: one hand-over
   * for many elements instead of one per expression. On Payara a managed executor's hand-over costs more than an
   * element's few expressions: mapping 10,000 customers on a freshly started server took 10 s with one hand-over
   * per expression, 6.4 s with one per element, 2.8 s with one per 200 elements. Work already running within one
   * runs inline. The caller still holds every evaluation to its own deadline: it wakes when the running one's
   * deadline (and a little) has passed, and then interrupts the work and answers the refusal naming that
   * evaluation's field.
   */
  public <T> T within(java.util.concurrent.Callable<T> work) {
    if (WATCH.get() != null) {
      return inline(work); // already the work of a caller that watches it
    }
    Watch watch = new Watch();
    Future<T> running = executor.submit(() -> {
      WATCH.set(watch);
      try {
        return work.call();
      } finally {
        WATCH.remove();
      }
    });
    long allowed = TimeUnit.MILLISECONDS.toNanos(limits.deadlineMillis() + GRACE_MILLIS);
    try {
      while (true) {
        long started = watch.startedAt;
        long wait = started == 0 ? allowed : started + allowed - System.nanoTime();
        try {
          return running.get(Math.max(wait, 1), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          long now = watch.startedAt;
          if (now != 0 && now == started && System.nanoTime() - now >= allowed) {
            running.cancel(true);
            throw new ExpressionFailed(watch.field, "took longer than " + limits.deadlineMillis() + " ms");
          }
        }
      }
    } catch (InterruptedException e) {
      running.cancel(true);
      Thread.currentThread().interrupt();
      throw new ExpressionFailed(watch.field, "was interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new ExpressionFailed(watch.field, reason(e.getCause()));
    }
  }

  /**
   * {@code work} for each index from 0 to {@code count}, {@value #CHUNK} indexes per {@link #within} work. Where the
   * caller's watch stops a work at an evaluation's deadline, that index's answer is the refusal, and the next work
   * starts after it; the stopped work, whose thread may still be caught in a builtin, writes nothing more. Answers,
   * per index, what {@code work} answered or that refusal.
   */
  public Object[] each(int count, java.util.function.IntFunction<Object> work) {
    Object[] results = new Object[count];
    int from = 0;
    while (from < count) {
      int end = Math.min(count, from + CHUNK);
      java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(from);
      java.util.concurrent.atomic.AtomicBoolean abandoned = new java.util.concurrent.atomic.AtomicBoolean();
      try {
        within(() -> {
          for (int index = next.get(); index < end && !abandoned.get(); index = next.incrementAndGet()) {
            Object result = work.apply(index);
            if (abandoned.get()) {
              break;
            }
            results[index] = result;
          }
          return null;
        });
        from = end;
      } catch (ExpressionFailed stopped) {
        abandoned.set(true);
        int index = next.get();
        results[index] = stopped;
        from = index + 1;
      }
    }
    return results;
  }

  /** Indexes per work of {@link #each}: one executor hand-over for this many (see {@link #within}). */
  public static final int CHUNK = 200;

  private static <T> T inline(java.util.concurrent.Callable<T> work) {
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
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
