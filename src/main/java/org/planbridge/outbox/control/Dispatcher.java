package org.planbridge.outbox.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.backoffice.BackOfficeClient;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.webhook.WebhookClient;

/**
 * One pass of the drain: claim a batch of due transactions, deliver each to its back office (the
 * connector is read again for every batch, so a fixed connector takes effect on the next retry),
 * and record every outcome. Different appointments are delivered in parallel.
 */
@ApplicationScoped
public class Dispatcher {

  static final long RECORD_RETRY_NANOS = 500_000_000L;

  @Inject TransactionLedger ledger;
  @Inject Routing routing;
  @Inject WebhookClient webhook;
  @Inject Instance instance;

  @Resource
  ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "planbridge.drain.batch.size", defaultValue = "200")
  int batchSize;

  @Inject
  @ConfigProperty(name = "planbridge.drain.lease.seconds", defaultValue = "60")
  int leaseSeconds;

  /**
   * How many transactions of a batch one drain loop delivers at once (each to a different appointment);
   * with {@code planbridge.drain.loops} loops, up to loops × parallelism are in flight.
   */
  @Inject
  @ConfigProperty(name = "planbridge.drain.parallelism", defaultValue = "16")
  int parallelism;

  public int batchSize() {
    return batchSize;
  }

  /** Delivers one batch; answers how many transactions it claimed (0: nothing is due). */
  public int drainOnce() throws SQLException {
    List<Claimed> batch = ledger.claim(instance.id(), batchSize, leaseSeconds);
    long leaseEnds = System.nanoTime() + leaseSeconds * 1_000_000_000L;
    if (batch.isEmpty()) {
      return 0;
    }
    Map<String, Route> routes = new HashMap<>();
    for (Claimed transaction : batch) {
      routes.computeIfAbsent(transaction.sourceApp(), routing::resolve);
    }
    // A few workers take the batch's transactions one after the other, instead of one task per transaction:
    // handing a task to the managed executor costs more than a webhook call to a fast back office.
    Outcome[] outcomes = new Outcome[batch.size()];
    AtomicInteger next = new AtomicInteger();
    // A transaction whose delivery could outlast the lease is not started: it stays claimed until the
    // lease ends and is then taken again, rather than risk two instances sending it at once.
    // (With a lease shorter than twice the timeouts, half the lease is kept as the margin.)
    long marginMs = Math.min(webhook.longestDeliveryMs(), leaseSeconds * 1000L / 2);
    long lastStart = leaseEnds - marginMs * 1_000_000L;
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < outcomes.length && System.nanoTime() < lastStart;
          i = next.getAndIncrement()) {
        Claimed transaction = batch.get(i);
        outcomes[i] = deliver(transaction, routes.get(transaction.sourceApp()));
      }
    };
    int workers = Math.max(1, Math.min(parallelism, batch.size()));
    List<CompletableFuture<Void>> helpers = new ArrayList<>(workers - 1);
    for (int w = 1; w < workers; w++) {
      helpers.add(CompletableFuture.runAsync(worker, executor));
    }
    worker.run(); // the drain's own thread is one of the workers
    for (CompletableFuture<Void> helper : helpers) {
      helper.join();
    }
    record(Arrays.stream(outcomes).filter(Objects::nonNull).toList(), leaseEnds);
    return batch.size();
  }

  /**
   * Records the batch's outcomes; while the database does not answer, tries again until the lease
   * ends, so that a short outage does not make the whole delivered batch go out a second time.
   */
  private void record(List<Outcome> outcomes, long leaseEnds) throws SQLException {
    while (true) {
      try {
        ledger.record(instance.id(), outcomes);
        return;
      } catch (SQLException e) {
        if (System.nanoTime() + RECORD_RETRY_NANOS >= leaseEnds) {
          throw e;
        }
        try {
          Thread.sleep(RECORD_RETRY_NANOS / 1_000_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  Outcome deliver(Claimed transaction, Route route) {
    OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
    long begin = System.nanoTime();
    if (route.problem() != null) {
      return new Outcome(transaction, route.problem(), route.message(), null, route.connectorId(), started, 0);
    }
    try {
      client(route.system()).send(new Delivery(transaction.id(), transaction.body(), route.uri(), route.type(),
          route.login(), route.password()));
      return new Outcome(transaction, Status.SUCCESS, null, null, route.connectorId(), started, elapsedMs(begin));
    } catch (DeliveryFailed | RuntimeException e) {
      return new Outcome(transaction, Status.FAILED, e.getMessage(), Messages.stackTrace(e), route.connectorId(),
          started, elapsedMs(begin));
    }
  }

  private BackOfficeClient client(BackOfficeSystem system) {
    if (system == BackOfficeSystem.WEBHOOK) {
      return webhook;
    }
    return delivery -> {
      throw new DeliveryFailed("PlanBridge has no " + system + " client yet: the NAV and Business Central"
          + " clients are not part of this version; use a WEBHOOK connector");
    };
  }

  private static long elapsedMs(long begin) {
    return (System.nanoTime() - begin) / 1_000_000;
  }
}
