package org.planbridge.outbox.control;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.planbridge.platform.control.LogSubject;

/**
 * One drain, from a wake-up until nothing is due: a pipeline, so deliveries never wait for the database. This
 * session's own thread claims the next batch while the workers still deliver the last one, and records outcomes
 * a few at a time as they come in; the workers (up to {@code parallelism}) take claimed transactions one after
 * the other and stay alive across batches.
 *
 * <p>Order and leases hold as with one batch at a time: a transaction stays leased until its outcome is
 * recorded, so the claim never takes a newer transaction of an appointment still in flight; and a transaction is
 * not started when its delivery could outlast its lease (it stays claimed until the lease ends and is then taken
 * again), so two instances never send it at once.
 *
 * <p>When the database fails, no delivery starts while outcomes cannot be recorded (what is sent but not recorded
 * goes out again once its lease ends); recording is tried again for up to twice the lease, and when it
 * succeeds, delivery goes on. If the database stays away, claimed transactions that have not started stay unsent
 * (they are retaken when their leases end), the session ends with the failure, and the next timer tick starts a
 * new one.
 */
final class DrainSession {

  private static final Logger LOG = Logger.getLogger(DrainSession.class.getName());
  /** How long an outcome may wait to be recorded with others. */
  static final long RECORD_DELAY_NANOS = 10_000_000L;
  static final long RECORD_RETRY_NANOS = 500_000_000L;
  /** How long an idle worker waits for work before it ends. */
  static final long WORKER_IDLE_MS = 100;
  static final long HOLD_CHECK_NANOS = 10_000_000L;
  /** How long a claim may look only behind the highest id claimed before it looks from the start again. */
  static final long FULL_SCAN_NANOS = 1_000_000_000L;

  interface Deliverer {
    Outcome deliver(Claimed transaction, Route route);
  }

  private record Work(Claimed transaction, Route route, long lastStart) {}

  private final TransactionLedger ledger;
  private final String instance;
  private final int batchSize;
  private final int leaseSeconds;
  private final int parallelism;
  /** The longest delivery a route's client can take: a delivery starts only while its lease has that long left. */
  private final ToLongFunction<Route> longestDeliveryMs;
  /** The largest margin of the routes seen so far, for the estimate of what one lease can hold. */
  private long marginNanos;
  private final Function<String, Route> routing;
  private final Deliverer deliverer;
  private final Executor executor;
  private final BooleanSupplier woken;

  private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
  /**
   * Per Source App whose back office asked to wait: until when, in {@link System#nanoTime()}, as a worker heard it or
   * a claim read it from the connector. Only for what this session has claimed already: the claim itself leaves a
   * paused Source App's transactions out (see {@link Lanes}), also in the next session and on other instances.
   */
  private final Map<String, Long> pausedUntil = new ConcurrentHashMap<>();
  /**
   * Outcomes, not signalled one by one: the session's thread looks at them every few milliseconds and is woken
   * only when it has something to do at once (nothing outstanding, the queue at its low-water mark, a nudge).
   * Waking it for each outcome cost a context switch per delivery.
   */
  private final Queue<Outcome> finished = new ConcurrentLinkedQueue<>();
  /** Claimed transactions not attempted because their back office asked to wait: given back with the outcomes. */
  private final Queue<Claimed> returned = new ConcurrentLinkedQueue<>();
  private volatile Thread coordinator;
  private volatile int lowWaterMark;
  /** Claimed and not finished: in the queue or being delivered. */
  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicInteger workers = new AtomicInteger();
  /** While outcomes cannot be recorded, no delivery starts. */
  private volatile boolean holding;
  /** No more claims, and no more deliveries start: the database failed, or the server is stopping. */
  private volatile boolean stopping;
  // Only the session's own thread uses these.
  private final List<Outcome> pending = new ArrayList<>();
  private final List<Claimed> giveBack = new ArrayList<>();
  private long pendingSince;
  /** Moving average of the deliveries' durations, 0 before the first. */
  private double averageMs;
  private SQLException failure;
  private boolean interrupted;
  /** The highest id claimed so far, and when a claim last looked from the start. */
  private long floor;
  private long lastFullScan;
  /**
   * A connector's slot was freed: its transactions, left behind while it was at its limit, may lie below the floor,
   * so the next claim looks from the start.
   */
  private boolean slotFreed;

  DrainSession(TransactionLedger ledger, String instance, int batchSize, int leaseSeconds, int parallelism,
      ToLongFunction<Route> longestDeliveryMs, Function<String, Route> routing, Deliverer deliverer, Executor executor,
      BooleanSupplier woken) {
    this.ledger = ledger;
    this.instance = instance;
    this.batchSize = batchSize;
    this.leaseSeconds = leaseSeconds;
    this.parallelism = Math.max(1, parallelism);
    this.longestDeliveryMs = longestDeliveryMs;
    this.routing = routing;
    this.deliverer = deliverer;
    this.executor = executor;
    this.woken = woken;
  }

  /** Wakes the session up to claim again (new transactions were committed). */
  void nudge() {
    wakeCoordinator();
  }

  /** Runs the session on the calling thread; answers how many outcomes it recorded. */
  int run() throws SQLException {
    coordinator = Thread.currentThread();
    try {
      return loop();
    } finally {
      coordinator = null;
      if (interrupted) {
        Thread.currentThread().interrupt(); // for the caller, after the in-flight outcomes were recorded
      }
    }
  }

  private int loop() throws SQLException {
    boolean exhausted = false; // the last claim found nothing, and nothing was recorded or committed since
    int recorded = 0;
    while (true) {
      collect();
      if (stopping) {
        dropQueued();
      }
      if (woken.getAsBoolean()) {
        exhausted = false;
      }
      int claimSize = claimSize();
      // Before the first outcome nothing is known of the back office: no second claim yet.
      int lowWater = averageMs == 0 ? parallelism : claimSize;
      lowWaterMark = lowWater;
      boolean wantClaim = !stopping && !exhausted && queue.size() < lowWater;
      boolean recordNow = (!pending.isEmpty() || !giveBack.isEmpty()) && (wantClaim
          || pending.size() >= batchSize / 2 || outstanding.get() == 0
          || System.nanoTime() - pendingSince >= RECORD_DELAY_NANOS);
      if (recordNow) {
        try {
          record(pending, giveBack);
          recorded += pending.size();
          exhausted = false; // newer versions of these appointments may be due now
          slotFreed |= pending.stream().anyMatch(outcome -> outcome.transaction().slot())
              || giveBack.stream().anyMatch(Claimed::slot);
        } catch (SQLException | RuntimeException e) {
          fail(e);
        }
        pending.clear();
        giveBack.clear();
      }
      if (wantClaim && !stopping) {
        // Right after the record, before collecting again: outcomes keep coming in, and looping back first
        // would record them over and over while the queue runs dry.
        try {
          exhausted = !enqueue(claim(claimSize));
        } catch (SQLException | RuntimeException e) {
          fail(e); // also what the pool or JPA (reading the connector) throw when the database is away
        }
      } else if (recordNow) {
        continue;
      } else if (outstanding.get() == 0 && (stopping || exhausted)) {
        // A worker queues its outcome before it lowers the count: with the count at 0, every outcome is in the
        // queue now, also one that came in since the collect above (ending without it lost it until its lease
        // ended, and it then went out twice; seen in the benchmark).
        collect();
        if (!pending.isEmpty() || !giveBack.isEmpty()) {
          continue;
        }
        if (failure != null) {
          throw failure;
        }
        if (stopping || !woken.getAsBoolean()) {
          return recorded;
        }
        exhausted = false;
      } else {
        await(pending.isEmpty() && giveBack.isEmpty() ? RECORD_DELAY_NANOS / 2
            : RECORD_DELAY_NANOS - (System.nanoTime() - pendingSince));
      }
    }
  }

  /**
   * Claims behind the highest id this session has claimed, so the due query does not walk the rows it has already
   * sent (see {@link TransactionLedger#claim(String, int, int, long)}). From the start again when that finds
   * nothing, and at least every {@link #FULL_SCAN_NANOS}: transactions below the floor become due too (a retry by
   * hand, an automatic retry, a lease of a stopped instance that ended, a newer version that waited for its
   * appointment's delivery in flight). Not when it finds fewer than {@code size}: with a few changes a second, each
   * wake-up would then claim twice.
   */
  private List<Claimed> claim(int size) throws SQLException {
    long now = System.nanoTime();
    boolean fromStart = floor == 0 || slotFreed || now - lastFullScan >= FULL_SCAN_NANOS;
    Batch batch = ledger.claim(instance, size, leaseSeconds, fromStart ? 0 : floor);
    if (!fromStart && batch.isEmpty()) {
      batch = ledger.claim(instance, size, leaseSeconds, 0);
      fromStart = true;
    }
    if (fromStart) {
      lastFullScan = now;
      slotFreed = false;
    }
    for (Claimed transaction : batch.claimed()) {
      floor = Math.max(floor, transaction.id());
    }
    floor = Math.min(floor, batch.heldBackFrom() - 1); // what a connector at its limit left waits below the floor
    batch.paused().forEach(this::pause);
    return batch.claimed();
  }

  /**
   * How many to claim, and the queue's low-water mark: a claim is made while the queue still holds up to one claim,
   * so the workers never wait for it; but the queue holds no more than a quarter of what the workers can start
   * within a lease, so that with a slow back office claimed transactions do not wait in the queue until their
   * leases are too short to start.
   */
  private int claimSize() {
    if (averageMs == 0) {
      return batchSize;
    }
    double startable = parallelism * ((leaseSeconds * 1000.0 - marginNanos / 1_000_000.0) / averageMs);
    return (int) Math.max(1, Math.min(batchSize, startable / 4));
  }

  /** No more claims; claimed transactions that have not started stay unsent, to be retaken when their leases end. */
  private void fail(Exception e) {
    stopping = true;
    if (failure == null) {
      failure = e instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
    } else {
      failure.addSuppressed(e);
    }
  }

  private void collect() {
    for (Outcome next = finished.poll(); next != null; next = finished.poll()) {
      add(next);
    }
    for (Claimed next = returned.poll(); next != null; next = returned.poll()) {
      if (pending.isEmpty() && giveBack.isEmpty()) {
        pendingSince = System.nanoTime();
      }
      giveBack.add(next);
    }
  }

  private void add(Outcome next) {
    long ms = Math.max(1, next.durationMs());
    averageMs = averageMs == 0 ? ms : averageMs * 0.9 + ms * 0.1;
    if (pending.isEmpty() && giveBack.isEmpty()) {
      pendingSince = System.nanoTime();
    }
    pending.add(next);
  }

  private void await(long nanos) {
    LockSupport.parkNanos(this, Math.max(nanos, 1));
    if (Thread.interrupted()) {
      // The server is stopping: finish what is in flight, claim nothing more. The flag stays cleared until the
      // session ends, or every later wait would end at once and this loop would spin.
      interrupted = true;
      stopping = true;
    }
  }

  private void wakeCoordinator() {
    Thread waiting = coordinator;
    if (waiting != null) {
      LockSupport.unpark(waiting);
    }
  }

  /** Claimed transactions that have not started stay unsent, to be retaken when their leases end. */
  private void dropQueued() {
    for (Work dropped = queue.poll(); dropped != null; dropped = queue.poll()) {
      outstanding.decrementAndGet();
    }
  }

  /** Queues a claimed batch for the workers; answers whether there was anything. */
  private boolean enqueue(List<Claimed> batch) {
    if (batch.isEmpty()) {
      return false;
    }
    long leaseEnds = System.nanoTime() + leaseSeconds * 1_000_000_000L;
    Map<String, Route> routes = new HashMap<>(); // the connector is read again for every batch
    for (Claimed transaction : batch) {
      Route route = routes.computeIfAbsent(transaction.sourceApp(), routing);
      long margin = margin(route);
      marginNanos = Math.max(marginNanos, margin);
      outstanding.incrementAndGet();
      queue.add(new Work(transaction, route, leaseEnds - margin));
    }
    while (workers.get() < Math.min(parallelism, outstanding.get()) && reserveWorker()) {
      try {
        executor.execute(this::work);
      } catch (RuntimeException e) {
        workers.decrementAndGet();
        if (workers.get() == 0) {
          throw e;
        }
        break; // fewer workers than wanted: the ones running take the whole queue
      }
    }
    return true;
  }

  /** With a lease shorter than twice the client's worst case, half the lease is kept as the margin. */
  private long margin(Route route) {
    return Math.min(longestDeliveryMs.applyAsLong(route), leaseSeconds * 1000L / 2) * 1_000_000L;
  }

  /**
   * Whether the Source App's back office asked to wait (see {@link Outcome#pausedUntil()}), as this instance heard
   * it or a claim read it: its claimed transactions are not started but given back, and the claim takes none of its
   * transactions until then (see {@link Lanes}).
   */
  private void pause(String sourceApp, OffsetDateTime until) {
    pausedUntil.merge(sourceApp, System.nanoTime() + Duration.between(OffsetDateTime.now(ZoneOffset.UTC), until)
        .toNanos(), Math::max);
  }

  private boolean paused(String sourceApp) {
    Long until = pausedUntil.get(sourceApp);
    return until != null && System.nanoTime() - until < 0;
  }

  private boolean reserveWorker() {
    for (int now = workers.get(); now < parallelism; now = workers.get()) {
      if (workers.compareAndSet(now, now + 1)) {
        return true;
      }
    }
    return false;
  }

  private void work() {
    while (true) {
      Work work;
      try {
        work = queue.poll(WORKER_IDLE_MS, TimeUnit.MILLISECONDS);
        if (work != null && queue.size() == lowWaterMark - 1) {
          wakeCoordinator(); // time for the next claim
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        work = null;
      }
      if (work == null) {
        workers.decrementAndGet();
        // Work queued while this worker was giving up and counted on it: take it on after all.
        if (queue.isEmpty() || Thread.currentThread().isInterrupted() || !reserveWorker()) {
          return;
        }
        continue;
      }
      try {
        while (holding && !stopping) {
          LockSupport.parkNanos(HOLD_CHECK_NANOS);
        }
        if (!stopping && paused(work.transaction().sourceApp())) {
          returned.add(work.transaction());
        } else if (!stopping && System.nanoTime() < work.lastStart()) {
          Outcome outcome = deliverer.deliver(work.transaction(), work.route());
          // The outcome first: a transaction another worker gives back because of this pause is then recorded
          // with the pause or after it, never due again before the pause is in the database.
          finished.add(outcome);
          if (outcome.pausedUntil() != null) {
            pause(work.transaction().sourceApp(), outcome.pausedUntil());
          }
        }
      } catch (Error e) {
        workers.decrementAndGet(); // this worker ends; its transaction is retaken when its lease ends
        throw e;
      } finally {
        // after its outcome is queued: the session ends only once it is recorded
        if (outstanding.decrementAndGet() == 0) {
          wakeCoordinator();
        }
      }
    }
  }

  /**
   * Records outcomes; while the database does not answer, tries again for up to twice the lease, so that an outage
   * does not make delivered transactions go out a second time. A late record is still right: it records only the
   * transactions still claimed by this instance (the update checks the claim), also when their leases ended
   * meanwhile; one that another instance took over after its lease ended is that instance's to send again.
   */
  private void record(List<Outcome> pending, List<Claimed> giveBack) throws SQLException {
    List<Outcome> outcomes = List.copyOf(pending);
    List<Claimed> returns = List.copyOf(giveBack);
    long giveUp = 0;
    while (true) {
      try {
        ledger.record(instance, outcomes, returns);
        holding = false;
        outcomes.forEach(DrainSession::report);
        return;
      } catch (SQLException | RuntimeException e) {
        // The pool throws runtime exceptions too (a connection PostgreSQL closed as it stopped).
        // What is delivered now could not be recorded either, and would go out again: the workers hold on.
        holding = true;
        giveUp = giveUp == 0 ? System.nanoTime() + 2L * leaseSeconds * 1_000_000_000L : giveUp;
        if (System.nanoTime() + RECORD_RETRY_NANOS >= giveUp) {
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

  /**
   * Logs a delivery that did not succeed, once its outcome is recorded, with what it is about (the console's Logs
   * page shows it next to the transaction): a failure or a connector set up wrongly as a warning, a connector that
   * does not publish as information. Success is not logged: the transaction says so.
   */
  static void report(Outcome outcome) {
    Status status = outcome.status();
    if (status == Status.SUCCESS || status == Status.PENDING || status == Status.SKIPPED) {
      return;
    }
    Claimed transaction = outcome.transaction();
    String message = "Transaction " + transaction.id() + " of appointment " + transaction.appointmentId()
        + " (Source App " + transaction.sourceApp() + "): " + status.label()
        + (outcome.message() == null || outcome.message().isBlank() ? "" : ": " + outcome.message())
        + (outcome.retryAt() == null ? "" : "; it goes out again at " + outcome.retryAt());
    LogSubject.log(LOG, status == Status.PUBLISH_DISABLED ? Level.INFO : Level.WARNING, message, transaction.id(),
        transaction.appointmentId());
  }
}
