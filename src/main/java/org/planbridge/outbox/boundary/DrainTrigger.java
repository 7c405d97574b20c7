package org.planbridge.outbox.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.planbridge.outbox.control.Dispatcher;
import org.planbridge.outbox.control.Outbox;
import org.planbridge.platform.control.Failures;

/**
 * Starts a drain when there may be something to deliver: on every timer tick, and right after a
 * commit that added transactions, so delivery does not wait for the next tick. A wake-up starts the
 * drain when none runs; a wake-up during a drain makes it look again before it ends. One drain runs
 * at a time per instance; it delivers many transactions at once ({@code planbridge.drain.parallelism}).
 */
@ApplicationScoped
public class DrainTrigger {

  private static final Logger LOG = Logger.getLogger(DrainTrigger.class.getName());

  @Inject Dispatcher dispatcher;

  @Resource(lookup = Dispatcher.EXECUTOR)
  ManagedExecutorService executor;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile String lastFailure;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Enqueued enqueued) {
    wake();
  }

  public void wake() {
    again.set(true);
    dispatcher.nudge();
    if (running.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RuntimeException e) {
        running.set(false); // not started: the next tick tries again
        throw e;
      }
    }
  }

  private void drain() {
    again.set(false);
    try {
      dispatcher.drain(() -> again.getAndSet(false));
      if (lastFailure != null) {
        LOG.info("Delivery works again");
        lastFailure = null;
      }
    } catch (Exception | Error e) {
      String failure = Failures.rootMessage(e);
      if (!failure.equals(lastFailure)) {
        LOG.warning("Delivery paused until the next tick: " + failure);
        lastFailure = failure;
      }
    } finally {
      running.set(false);
    }
    if (again.get() && lastFailure == null) {
      wake(); // a wake-up that came as this drain was ending
    }
  }
}
