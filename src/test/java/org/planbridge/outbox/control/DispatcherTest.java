package org.planbridge.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planbridge.backoffice.BackOfficeClient;
import org.planbridge.backoffice.BackOfficeClients;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.webhook.WebhookClient;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.testing.Targets;

/**
 * The drain: every claimed transaction is delivered once, at most {@code parallelism} at once, and recorded; the
 * workers go on delivering while the next batch is claimed.
 */
class DispatcherTest {

  final ExecutorService threads = Executors.newCachedThreadPool();
  /** Due transactions: a claim takes up to its limit of them. */
  final List<Claimed> due = new ArrayList<>();
  final List<Integer> limits = new CopyOnWriteArrayList<>();
  final List<Long> afterIds = new CopyOnWriteArrayList<>();
  final List<Outcome> recorded = new CopyOnWriteArrayList<>();
  final List<Claimed> givenBack = new CopyOnWriteArrayList<>();
  final ConcurrentHashMap<Long, Integer> sent = new ConcurrentHashMap<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger mostAtOnce = new AtomicInteger();
  volatile long slowDown = 2;
  volatile long longestDelivery = 0;
  volatile Duration retryAfter;
  volatile Claim claimHook = number -> {};
  volatile Claim recordHook = number -> {};
  final AtomicInteger records = new AtomicInteger();

  interface Claim {
    void claiming(int number) throws SQLException;
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void deliversEachTransactionOnceWithAtMostParallelismAtOnceAndRecordsEveryOutcome() throws Exception {
    due.addAll(batch(1, 150));
    Dispatcher dispatcher = dispatcher(4, id -> id % 7 == 0);
    dispatcher.batchSize = 50;

    assertEquals(150, dispatcher.drain(() -> false));

    assertEquals(150, sent.size(), "every transaction was sent");
    assertTrue(sent.values().stream().allMatch(times -> times == 1), "none twice: " + sent);
    assertTrue(mostAtOnce.get() <= 4, "at most 4 at once, saw " + mostAtOnce.get());
    assertEquals(150, recorded.size());
    for (Outcome outcome : recorded) {
      assertEquals(outcome.transaction().id() % 7 == 0 ? Status.FAILED : Status.SUCCESS, outcome.status());
    }
  }

  @Test
  void theWorkersGoOnDeliveringWhileTheNextBatchIsClaimed() throws Exception {
    due.addAll(batch(1, 100));
    AtomicBoolean deliveredDuringClaim = new AtomicBoolean();
    claimHook = number -> {
      if (number == 2) { // a slow claim: the rest of batch 1 is delivered meanwhile
        int before = sent.size();
        long until = System.nanoTime() + 5_000_000_000L;
        while (sent.size() == before && System.nanoTime() < until) {
          Thread.onSpinWait();
        }
        deliveredDuringClaim.set(sent.size() > before);
      }
    };

    Dispatcher dispatcher = dispatcher(4, id -> false);
    dispatcher.batchSize = 50;
    assertEquals(100, dispatcher.drain(() -> false));

    assertTrue(deliveredDuringClaim.get(), "deliveries went on during the second claim");
    assertEquals(100, sent.size());
  }

  @Test
  void aClaimLooksBehindTheHighestIdClaimedAndFromTheStartAgainWhenThatFindsNothing() throws Exception {
    due.addAll(batch(100, 100));
    claimHook = number -> {
      if (number == 1) {
        due.add(0, batch(5, 1).get(0)); // an older transaction is due again meanwhile: a retry by hand
      }
    };
    Dispatcher dispatcher = dispatcher(4, id -> false);
    dispatcher.batchSize = 50;

    assertEquals(101, dispatcher.drain(() -> false));

    assertEquals(0L, afterIds.get(0), "the first claim looks from the start");
    assertEquals(149L, afterIds.get(1), "the next one only behind the highest id claimed: " + afterIds);
    assertTrue(sent.containsKey(5L), "the older one went out once a claim behind the floor found nothing");
    assertEquals(101, sent.size());
    assertTrue(afterIds.indexOf(0L) < afterIds.lastIndexOf(0L), "a claim from the start again: " + afterIds);
  }

  @Test
  void noDeliveryStartsThatCouldOutlastTheLease() throws Exception {
    due.addAll(batch(1, 50));
    Dispatcher dispatcher = dispatcher(1, id -> false);
    dispatcher.leaseSeconds = 1;
    longestDelivery = 800;
    slowDown = 50;

    dispatcher.drain(() -> false);

    // 800 ms of timeouts is more than half the 1 s lease: half of it is the margin, deliveries start in the first 500 ms
    assertTrue(sent.size() < 50 && sent.size() >= 1, "started only while a delivery still fits the lease: " + sent.size());
    assertEquals(sent.size(), recorded.size(), "only what was attempted is recorded; the rest waits for the lease to end");
  }

  @Test
  void withASlowBackOfficeAClaimTakesOnlyWhatCanStartWithinItsLease() throws Exception {
    due.addAll(batch(1, 230));
    Dispatcher dispatcher = dispatcher(2, id -> false);
    dispatcher.leaseSeconds = 1;
    slowDown = 20; // 2 at once: 100 deliveries fit in the 1 s lease

    dispatcher.drain(() -> false);

    assertEquals(200, limits.get(0), "the first claim knows nothing of the back office yet");
    assertTrue(limits.subList(1, limits.size()).stream().allMatch(limit -> limit <= 25),
        "then a quarter of what can start within a lease: " + limits);
    assertTrue(batch(201, 30).stream().allMatch(transaction -> sent.containsKey(transaction.id())),
        "every transaction claimed after that started within its lease");
  }

  @Test
  void aFailingClaimEndsTheDrainWithTheFailureAfterRecordingEveryDeliveryMade() throws Exception {
    due.addAll(batch(1, 50));
    claimHook = number -> {
      if (number == 2) {
        throw new SQLException("Connection refused");
      }
    };

    SQLException failure = assertThrows(SQLException.class, () -> dispatcher(4, id -> false).drain(() -> false));

    assertEquals("Connection refused", failure.getMessage());
    assertTrue(sent.size() >= 1, "the first batch was being delivered");
    assertEquals(sent.keySet(), recorded.stream().map(o -> o.transaction().id()).collect(Collectors.toSet()),
        "what was sent is recorded; what had not started waits for its lease to end");
  }

  @Test
  void aWakeUpAfterTheLastEmptyClaimMakesTheDrainLookAgain() throws Exception {
    AtomicBoolean committed = new AtomicBoolean();
    claimHook = number -> {
      if (number == 1) {
        due.addAll(batch(1, 3)); // committed while the first claim found nothing
        committed.set(true);
      }
    };

    assertEquals(3, dispatcher(4, id -> false).drain(() -> committed.getAndSet(false)));
    assertEquals(3, sent.size());
  }

  @Test
  void withBackOffOnAFailedDeliveryIsPlannedToGoOutAgainAndTheMessageSaysWhen() throws Exception {
    due.add(new Claimed(1, 1001, "BC", "{}", 0));
    due.add(new Claimed(2, 1002, "NAV", "{}", 1));
    due.add(new Claimed(3, 1003, "CRM", "{}", 2)); // three connectors: a Retry-After pauses only its own
    Dispatcher dispatcher = dispatcher(1, id -> true);
    dispatcher.backoff = BackoffTest.backoff(3, 30, 3600);
    retryAfter = Duration.ofSeconds(600);
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);

    dispatcher.drain(() -> false);

    Map<Long, Outcome> outcomes = recorded.stream().collect(Collectors.toMap(o -> o.transaction().id(), o -> o));
    for (long id = 1; id <= 2; id++) {
      Outcome outcome = outcomes.get(id);
      assertEquals(Status.FAILED, outcome.status());
      long waited = Duration.between(before, outcome.retryAt()).toSeconds();
      assertTrue(waited >= 599 && waited <= 601, "the back office's Retry-After: " + waited + " s");
      assertTrue(outcome.message().startsWith("HTTP 503 (attempt " + id + " of 3; the next one at "), outcome.message());
    }
    assertEquals(null, outcomes.get(3L).retryAt(), "the third attempt was the last");
    assertTrue(outcomes.get(3L).message().startsWith("HTTP 503 (the back office asked to wait"),
        outcomes.get(3L).message());
  }

  @Test
  void aBackOfficeThatAsksToWaitPausesItsWholeSourceAppAndNoOther() throws Exception {
    due.add(new Claimed(1, 1001, "BC", "{}", 0));
    due.add(new Claimed(2, 1002, "BC", "{}", 0));
    due.add(new Claimed(3, 1003, "NAV", "{}", 0));
    Dispatcher dispatcher = dispatcher(1, id -> id == 1);
    retryAfter = Duration.ofSeconds(120);
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);

    dispatcher.drain(() -> false);

    assertEquals(Set.of(1L, 3L), sent.keySet(), "the other appointment of BC waits; NAV's goes on");
    Map<Long, Outcome> outcomes = recorded.stream().collect(Collectors.toMap(o -> o.transaction().id(), o -> o));
    assertEquals(Set.of(1L, 3L), outcomes.keySet(), "the paused one has no attempt");
    assertEquals(List.of(2L), givenBack.stream().map(Claimed::id).toList(),
        "the paused one is given back at once, not held until its lease ends");
    long paused = Duration.between(before, outcomes.get(1L).pausedUntil()).toSeconds();
    assertTrue(paused >= 119 && paused <= 121, "until the Retry-After: " + paused + " s");
    assertTrue(outcomes.get(1L).message().contains("nothing of this Source App goes out before"));
    assertEquals(null, outcomes.get(3L).pausedUntil());
  }

  @Test
  void whenTheServerStopsTheDrainFinishesWhatIsInFlightRecordsItStartsNothingMoreAndEnds() throws Exception {
    due.addAll(batch(1, 50));
    slowDown = 20;
    Dispatcher dispatcher = dispatcher(2, id -> false);
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread drain = new Thread(() -> {
      try {
        dispatcher.drain(() -> false);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      stillInterrupted.set(Thread.currentThread().isInterrupted());
    });
    drain.start();
    long until = System.nanoTime() + 5_000_000_000L;
    while (sent.size() < 2 && System.nanoTime() < until) {
      Thread.onSpinWait();
    }

    drain.interrupt();
    drain.join(5000);

    assertFalse(drain.isAlive(), "the drain ended");
    assertTrue(sent.size() < 50, "nothing more started: " + sent.size());
    assertEquals(sent.keySet(), recorded.stream().map(o -> o.transaction().id()).collect(Collectors.toSet()),
        "what went out is recorded");
    assertTrue(stillInterrupted.get(), "the caller still sees the interruption");
  }

  @Test
  void whileOutcomesCannotBeRecordedNoDeliveryStartsAndWhenTheDatabaseIsBackDeliveryGoesOn() throws Exception {
    due.addAll(batch(1, 60));
    slowDown = 5;
    List<Integer> sentAtFailures = new CopyOnWriteArrayList<>();
    recordHook = number -> {
      if (number <= 3) { // the database is away for three attempts, about a second
        sentAtFailures.add(sent.size());
        if (number == 2) { // as the pool says it, about a connection PostgreSQL closed
          throw new IllegalStateException("This connection has been closed.");
        }
        throw new SQLException("Connection refused");
      }
    };

    assertEquals(60, dispatcher(2, id -> false).drain(() -> false));

    assertEquals(60, sent.size());
    // Between the first failure and the hold, the 2 in flight finish and at most 2 more may have started;
    // then nothing starts during the half second to the third attempt.
    assertTrue(sentAtFailures.get(1) - sentAtFailures.get(0) <= 4, "sent at the failures: " + sentAtFailures);
    assertEquals(sentAtFailures.get(1), sentAtFailures.get(2), "sent at the failures: " + sentAtFailures);
    assertEquals(60, recorded.size(), "every outcome recorded once the database answered");
  }

  @Test
  void anEmptyClaimDeliversNothing() throws Exception {
    assertEquals(0, dispatcher(4, id -> false).drain(() -> false));
    assertTrue(sent.isEmpty());
    assertTrue(recorded.isEmpty());
  }

  static List<Claimed> batch(long firstId, int size) {
    List<Claimed> batch = new ArrayList<>();
    for (long id = firstId; id < firstId + size; id++) {
      batch.add(new Claimed(id, 1000 + id, "BC", "{\"sequence\":1}", 0));
    }
    return batch;
  }

  interface Refusal {
    boolean refuses(long transactionId);
  }

  Dispatcher dispatcher(int parallelism, Refusal refusal) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.batchSize = 200;
    dispatcher.leaseSeconds = 60;
    dispatcher.backoff = BackoffTest.backoff(1, 30, 3600);
    dispatcher.parallelism = parallelism;
    dispatcher.meters = new DeliveryMeters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    dispatcher.instance = new Instance() {
      @Override
      public String id() {
        return "test";
      }
    };
    dispatcher.ledger = new TransactionLedger() {
      @Override
      public Batch claim(String instance, int limit, int leaseSeconds, long afterId) throws SQLException {
        limits.add(limit);
        afterIds.add(afterId);
        List<Claimed> taken = new ArrayList<>(due.stream().filter(t -> t.id() > afterId).limit(limit).toList());
        due.removeAll(taken);
        claimHook.claiming(limits.size());
        return new Batch(taken, Long.MAX_VALUE, Map.of());
      }

      @Override
      public void record(String instance, List<Outcome> outcomes, List<Claimed> returns) throws SQLException {
        recordHook.claiming(records.incrementAndGet());
        recorded.addAll(outcomes);
        givenBack.addAll(returns);
      }
    };
    dispatcher.routing = new Routing() {
      @Override
      public Route resolve(String sourceApp) {
        return Route.to(Targets.of(BackOfficeSystem.WEBHOOK, "WEBHOOK", "http://127.0.0.1:1/hook").build());
      }
    };
    WebhookClient webhook = new WebhookClient() {
      @Override
      public long longestDeliveryMs(Target target) {
        return longestDelivery;
      }

      @Override
      public void send(Delivery delivery) throws DeliveryFailed {
        mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          if (slowDown > 0) {
            Thread.sleep(slowDown);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        sent.merge(delivery.transactionId(), 1, Integer::sum);
        inFlight.decrementAndGet();
        if (refusal.refuses(delivery.transactionId())) {
          throw new DeliveryFailed("HTTP 503", null, retryAfter);
        }
      }
    };
    dispatcher.clients = new BackOfficeClients() {
      @Override
      public BackOfficeClient of(Target target) {
        return webhook;
      }
    };
    dispatcher.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ManagedExecutorService.class}, (proxy, method, arguments) -> {
          if (method.getName().equals("execute")) {
            threads.execute((Runnable) arguments[0]);
            return null;
          }
          throw new UnsupportedOperationException(method.getName());
        });
    return dispatcher;
  }
}
