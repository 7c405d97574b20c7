package org.planbridge.outbox.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.backoffice.BackOfficeClients;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.platform.control.Failures;

/**
 * The drain: claims due transactions, delivers each to its back office (the connector is read again for every
 * batch, so a fixed connector takes effect on the next retry) and records every outcome. Different appointments
 * are delivered in parallel, up to {@code planbridge.drain.parallelism} at once.
 */
@ApplicationScoped
public class Dispatcher {

  /** The drain's own executor (defined on {@code outbox.boundary.DrainTimer}), the same size on every server. */
  public static final String EXECUTOR = "java:app/concurrent/PlanBridgeDelivery";
  /** The most deliveries at once; {@code planbridge.drain.parallelism} above it is taken as this. */
  public static final int MAX_PARALLELISM = 512;

  @Inject TransactionLedger ledger;
  @Inject Routing routing;
  @Inject BackOfficeClients clients;
  @Inject Instance instance;
  @Inject Backoff backoff;
  @Inject DeliveryMeters meters;

  @Resource(lookup = EXECUTOR)
  ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "planbridge.drain.batch.size", defaultValue = "200")
  int batchSize;

  @Inject
  @ConfigProperty(name = "planbridge.drain.lease.seconds", defaultValue = "60")
  int leaseSeconds;

  /** How many deliveries run at once (each to a different appointment). */
  @Inject
  @ConfigProperty(name = "planbridge.drain.parallelism", defaultValue = "32")
  int parallelism;

  private volatile DrainSession current;

  /**
   * Drains until nothing is due: claims, delivers and records in a pipeline (see {@link DrainSession}). Asks
   * {@code woken} whether new transactions were committed meanwhile, to look again before it ends. Answers how many
   * outcomes it recorded. Not to be called again before it returned.
   */
  public int drain(BooleanSupplier woken) throws SQLException {
    DrainSession session = new DrainSession(ledger, instance.id(), batchSize, leaseSeconds,
        Math.min(parallelism, MAX_PARALLELISM),
        this::longestDeliveryMs, routing::resolve, this::deliver, executor, woken);
    current = session;
    meters.sessionStarted();
    try {
      return session.run();
    } finally {
      current = null;
    }
  }

  /** Tells a running drain that new transactions were committed. */
  public void nudge() {
    DrainSession session = current;
    if (session != null) {
      session.nudge();
    }
  }

  Outcome deliver(Claimed transaction, Route route) {
    Outcome outcome = attempt(transaction, route);
    meters.finished(outcome);
    return outcome;
  }

  private Outcome attempt(Claimed transaction, Route route) {
    OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
    if (route.problem() != null) {
      return new Outcome(transaction, route.problem(), route.message(), null, route.connectorId(), started, 0);
    }
    meters.sending();
    long begin = System.nanoTime();
    try {
      return send(transaction, route, started, begin);
    } finally {
      meters.sent(route.target().system(), System.nanoTime() - begin);
    }
  }

  private Outcome send(Claimed transaction, Route route, OffsetDateTime started, long begin) {
    try {
      clients.of(route.target()).send(new Delivery(transaction.id(), transaction.body(), route.target()));
      return new Outcome(transaction, Status.SUCCESS, null, null, route.connectorId(), started, elapsedMs(begin));
    } catch (DeliveryFailed e) {
      if (e.isMisconfigured()) {
        return new Outcome(transaction, Status.INVALID_TYPE, e.getMessage(), Failures.stackTrace(e),
            route.connectorId(), started, elapsedMs(begin));
      }
      return failed(transaction, route, e, started, begin, e.retryAfter());
    } catch (RuntimeException e) {
      return failed(transaction, route, e, started, begin, Optional.empty());
    }
  }

  private Outcome failed(Claimed transaction, Route route, Exception e, OffsetDateTime started, long begin,
      Optional<Duration> retryAfter) {
    int attemptsMade = transaction.attempts() + 1;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    OffsetDateTime retryAt = backoff.next(attemptsMade, retryAfter, now).orElse(null);
    OffsetDateTime pausedUntil = Backoff.pauseUntil(retryAfter, now).orElse(null);
    String message = e.getMessage();
    if (retryAt != null) {
      message = message + " (attempt " + attemptsMade + " of " + backoff.maxAttempts() + "; the next one at "
          + retryAt.truncatedTo(ChronoUnit.SECONDS) + ")";
    }
    if (pausedUntil != null) {
      message = message + " (the back office asked to wait: nothing of this Source App goes out before "
          + pausedUntil.truncatedTo(ChronoUnit.SECONDS) + ")";
    }
    return new Outcome(transaction, Status.FAILED, message, Failures.stackTrace(e), route.connectorId(), started,
        elapsedMs(begin), retryAt, pausedUntil);
  }

  private long longestDeliveryMs(Route route) {
    return route.target() == null ? 0 : clients.of(route.target()).longestDeliveryMs(route.target());
  }

  private static long elapsedMs(long begin) {
    return (System.nanoTime() - begin) / 1_000_000;
  }
}
