package org.planbridge.outbox.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.outbox.control.Dispatcher;
import org.planbridge.outbox.control.Outbox;
import org.planbridge.platform.control.Failures;

/**
 * Starts a drain when there may be something to deliver: on every timer tick, and right after a
 * commit that added transactions, so delivery does not wait for the next tick. A wake-up starts one
 * drain loop when none runs; a wake-up during a drain makes it go round once more. A loop that claims
 * a full batch (a backlog) starts another, up to {@code planbridge.drain.loops} (2): while one loop
 * records its batch and claims the next, the other is delivering. The loops claim like separate
 * instances do (the claim lock, leases, one transaction per appointment in flight), so order and
 * leases hold the same.
 */
@ApplicationScoped
public class DrainTrigger {

  private static final Logger LOG = Logger.getLogger(DrainTrigger.class.getName());

  @Inject Dispatcher dispatcher;

  @Resource
  ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "planbridge.drain.loops", defaultValue = "2")
  int loops;

  private final AtomicInteger running = new AtomicInteger();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile String lastFailure;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Enqueued enqueued) {
    wake();
  }

  public void wake() {
    again.set(true);
    start(1, false);
  }

  /** Starts a drain loop unless {@code limit} run already; a helper does one pass without a wake-up. */
  private void start(int limit, boolean helper) {
    for (int now = running.get(); now < limit; now = running.get()) {
      if (running.compareAndSet(now, now + 1)) {
        try {
          executor.execute(() -> drain(helper));
        } catch (RuntimeException e) {
          running.decrementAndGet(); // not started: the next tick tries again
          throw e;
        }
        return;
      }
    }
  }

  private void drain(boolean helper) {
    try {
      for (boolean pass = helper; pass || again.getAndSet(false); pass = false) {
        for (int claimed = dispatcher.drainOnce(); claimed > 0; claimed = dispatcher.drainOnce()) {
          again.set(false);
          if (claimed >= dispatcher.batchSize()) {
            start(loops, true); // a backlog: another loop delivers while this one records and claims
          }
        }
      }
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
      running.decrementAndGet();
    }
    if (!helper && again.get() && lastFailure == null) {
      wake(); // a wake-up that came as this drain was ending
    }
  }
}
