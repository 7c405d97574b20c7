package org.planbridge.outbox.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.planbridge.connector.entity.BackOfficeSystem;

/**
 * What the drain did, as meters: each delivery's outcome per connector (its Source App) and status, how long the back
 * office took per system, the retries, the drain sessions and the deliveries in flight. A connector's meters are built
 * the first time it is seen and looked up after that, so a delivery costs a map lookup and a few atomic adds. At most
 * {@link #MAX_CONNECTORS} Source Apps get meters of their own; the rest share the label {@code other}, so that a client
 * importing under ever new Source Apps cannot grow the scrape without bound.
 */
@ApplicationScoped
public class DeliveryMeters {

  static final int MAX_CONNECTORS = 200;
  static final String OTHER = "other";
  private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(30), Duration.ofSeconds(60)};

  @Inject MeterRegistry registry;

  private final Map<String, ConnectorMeters> connectors = new ConcurrentHashMap<>();
  private final Map<BackOfficeSystem, Timer> durations = new EnumMap<>(BackOfficeSystem.class);
  private final AtomicInteger inFlight = new AtomicInteger();
  private Counter sessions;

  public DeliveryMeters() {}

  DeliveryMeters(MeterRegistry registry) {
    this.registry = registry;
    build();
  }

  @PostConstruct
  void build() {
    for (BackOfficeSystem system : BackOfficeSystem.values()) {
      durations.put(system, Timer.builder("planbridge.delivery.duration").tag("system", system.name())
          .description("How long the back office took to take a delivery (or refuse it)")
          .serviceLevelObjectives(BUCKETS).register(registry));
    }
    sessions = Counter.builder("planbridge.drain.sessions").description("Drains started (on a tick or a commit, when none ran)")
        .register(registry);
    Gauge.builder("planbridge.deliveries.in.flight", inFlight, AtomicInteger::get)
        .description("Deliveries waiting for their back office now").strongReference(true).register(registry);
  }

  /** Built at start-up, not at the first delivery: a scrape shows every meter from the start, at 0. */
  void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // the observer makes the container create this bean now; @PostConstruct builds the meters
  }

  void sessionStarted() {
    sessions.increment();
  }

  /** Around a back office's call: counts it in flight. */
  void sending() {
    inFlight.incrementAndGet();
  }

  void sent(BackOfficeSystem system, long nanos) {
    inFlight.decrementAndGet();
    durations.get(system).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The outcome of one attempt: its status, and whether it was a retry (the transaction had been tried before). */
  void finished(Outcome outcome) {
    ConnectorMeters meters = of(outcome.transaction().sourceApp());
    meters.deliveries.get(outcome.status()).increment();
    if (outcome.transaction().attempts() > 0) {
      meters.retries.increment();
    }
    if (outcome.status() == Status.SUCCESS) {
      meters.lastSuccess.set(System.currentTimeMillis());
    }
  }

  /** When this instance last delivered a transaction of the Source App successfully (empty: not since it started). */
  public Optional<Instant> lastSuccess(String sourceApp) {
    ConnectorMeters meters = connectors.get(sourceApp);
    return meters == null || meters.lastSuccess.get() == 0 ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(meters.lastSuccess.get()));
  }

  private ConnectorMeters of(String sourceApp) {
    ConnectorMeters meters = connectors.get(sourceApp);
    if (meters != null) {
      return meters;
    }
    String label = connectors.size() < MAX_CONNECTORS ? sourceApp : OTHER;
    return connectors.computeIfAbsent(label, name -> new ConnectorMeters(registry, name));
  }

  /** One connector's meters; statuses that are no outcome of a delivery (Pending, Skipped) have none. */
  private static final class ConnectorMeters {

    final Map<Status, Counter> deliveries = new EnumMap<>(Status.class);
    final Counter retries;
    final AtomicLong lastSuccess = new AtomicLong();

    ConnectorMeters(MeterRegistry registry, String connector) {
      for (Status status : Status.values()) {
        if (status != Status.PENDING && status != Status.SKIPPED) {
          deliveries.put(status, Counter.builder("planbridge.deliveries").tag("connector", connector)
              .tag("status", status.name().toLowerCase(Locale.ROOT))
              .description("Delivery attempts by their outcome").register(registry));
        }
      }
      retries = Counter.builder("planbridge.delivery.retries").tag("connector", connector)
          .description("Delivery attempts of transactions tried before").register(registry);
      Gauge.builder("planbridge.delivery.last.success.timestamp", lastSuccess, last -> last.get() == 0 ? Double.NaN
          : last.get() / 1000.0).tag("connector", connector).baseUnit("seconds")
          .description("When this instance last delivered one of the connector's transactions (Unix time)")
          .strongReference(true).register(registry);
    }
  }
}
