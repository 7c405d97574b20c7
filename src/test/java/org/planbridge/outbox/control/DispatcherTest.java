package org.planbridge.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.webhook.WebhookClient;
import org.planbridge.connector.entity.BackOfficeSystem;

/** One batch: a few workers deliver every claimed transaction once, and the outcomes are recorded in claim order. */
class DispatcherTest {

  final ExecutorService threads = Executors.newCachedThreadPool();
  final List<Claimed> batch = new ArrayList<>();
  final List<List<Outcome>> recorded = new ArrayList<>();
  final ConcurrentHashMap<Long, Integer> sent = new ConcurrentHashMap<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger mostAtOnce = new AtomicInteger();
  volatile long slowDown = 2;
  volatile long longestDelivery = 0;

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void deliversEachTransactionOnceWithAtMostParallelismAtOnceAndRecordsInOrder() throws Exception {
    for (long id = 1; id <= 50; id++) {
      batch.add(new Claimed(id, 1000 + id, "BC", "{\"sequence\":1}"));
    }
    Dispatcher dispatcher = dispatcher(4, id -> id % 7 == 0);

    assertEquals(50, dispatcher.drainOnce());

    assertEquals(50, sent.size(), "every transaction was sent");
    assertTrue(sent.values().stream().allMatch(times -> times == 1), "none twice: " + sent);
    assertTrue(mostAtOnce.get() <= 4, "at most 4 at once, saw " + mostAtOnce.get());
    assertEquals(1, recorded.size());
    List<Outcome> outcomes = recorded.get(0);
    assertEquals(50, outcomes.size());
    for (int i = 0; i < 50; i++) {
      Outcome outcome = outcomes.get(i);
      assertEquals(i + 1, outcome.transaction().id(), "recorded in claim order");
      assertEquals(outcome.transaction().id() % 7 == 0 ? Status.FAILED : Status.SUCCESS, outcome.status());
    }
  }

  @Test
  void noDeliveryStartsThatCouldOutlastTheLease() throws Exception {
    for (long id = 1; id <= 50; id++) {
      batch.add(new Claimed(id, 1000 + id, "BC", "{\"sequence\":1}"));
    }
    Dispatcher dispatcher = dispatcher(1, id -> false);
    dispatcher.leaseSeconds = 1;
    longestDelivery = 800;
    slowDown = 50;

    dispatcher.drainOnce();

    // 800 ms of timeouts is more than half the 1 s lease: half of it is the margin, deliveries start in the first 500 ms
    assertTrue(sent.size() < 50 && sent.size() >= 1, "started only while a delivery still fits the lease: " + sent.size());
    assertEquals(sent.size(), recorded.get(0).size(), "only what was attempted is recorded; the rest waits for the lease to end");
  }

  @Test
  void anEmptyClaimDeliversNothing() throws Exception {
    assertEquals(0, dispatcher(4, id -> false).drainOnce());
    assertTrue(sent.isEmpty());
    assertTrue(recorded.isEmpty());
  }

  interface Refusal {
    boolean refuses(long transactionId);
  }

  Dispatcher dispatcher(int parallelism, Refusal refusal) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.batchSize = 200;
    dispatcher.leaseSeconds = 60;
    dispatcher.parallelism = parallelism;
    dispatcher.instance = new Instance() {
      @Override
      public String id() {
        return "test";
      }
    };
    dispatcher.ledger = new TransactionLedger() {
      @Override
      public List<Claimed> claim(String instance, int limit, int leaseSeconds) {
        return batch;
      }

      @Override
      public void record(String instance, List<Outcome> outcomes) {
        recorded.add(List.copyOf(outcomes));
      }
    };
    dispatcher.routing = new Routing() {
      @Override
      public Route resolve(String sourceApp) {
        return new Route(1L, null, null, BackOfficeSystem.WEBHOOK, "WEBHOOK", URI.create("http://127.0.0.1:1/hook"),
            null, null);
      }
    };
    dispatcher.webhook = new WebhookClient() {
      @Override
      public long longestDeliveryMs() {
        return longestDelivery;
      }

      @Override
      public void send(Delivery delivery) throws DeliveryFailed {
        mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          Thread.sleep(slowDown);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        sent.merge(delivery.transactionId(), 1, Integer::sum);
        inFlight.decrementAndGet();
        if (refusal.refuses(delivery.transactionId())) {
          throw new DeliveryFailed("HTTP 500");
        }
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
