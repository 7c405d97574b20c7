package org.planbridge.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.planbridge.connector.entity.BackOfficeSystem;

class DeliveryMetersTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final DeliveryMeters meters = new DeliveryMeters(registry);

  @Test
  void countsEachOutcomeByConnectorAndStatusAndTheRetriesAmongThem() {
    meters.finished(outcome("BC", 0, Status.SUCCESS));
    meters.finished(outcome("BC", 0, Status.FAILED));
    meters.finished(outcome("BC", 2, Status.SUCCESS));
    meters.finished(outcome("NAV", 0, Status.NOT_PROVIDED));

    assertEquals(2, deliveries("BC", "success"));
    assertEquals(1, deliveries("BC", "failed"));
    assertEquals(0, deliveries("BC", "invalid_uri"), "every status of a connector seen is there, at 0");
    assertEquals(1, deliveries("NAV", "not_provided"));
    assertEquals(1, registry.get("planbridge.delivery.retries").tag("connector", "BC").counter().count());
    assertTrue(meters.lastSuccess("BC").isPresent());
    assertTrue(meters.lastSuccess("NAV").isEmpty());
    assertTrue(Double.isNaN(registry.get("planbridge.delivery.last.success.timestamp").tag("connector", "NAV")
        .gauge().value()));
  }

  @Test
  void sourceAppsBeyondTheCapShareTheLabelOther() {
    for (int i = 0; i < DeliveryMeters.MAX_CONNECTORS + 5; i++) {
      meters.finished(outcome("APP" + i, 0, Status.SUCCESS));
    }
    assertEquals(DeliveryMeters.MAX_CONNECTORS + 1,
        registry.find("planbridge.deliveries").tag("status", "success").counters().size());
    assertEquals(5, deliveries(DeliveryMeters.OTHER, "success"));
  }

  @Test
  void timesEachCallPerSystemAndCountsItInFlightMeanwhile() {
    meters.sending();
    assertEquals(1, registry.get("planbridge.deliveries.in.flight").gauge().value());
    meters.sent(BackOfficeSystem.NAV, 250_000_000L);
    assertEquals(0, registry.get("planbridge.deliveries.in.flight").gauge().value());
    var timer = registry.get("planbridge.delivery.duration").tag("system", "NAV").timer();
    assertEquals(1, timer.count());
    assertEquals(250, timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS), 0.001);
    assertEquals(0, registry.get("planbridge.delivery.duration").tag("system", "WEBHOOK").timer().count());
  }

  private double deliveries(String connector, String status) {
    return registry.get("planbridge.deliveries").tag("connector", connector).tag("status", status).counter().count();
  }

  private static Outcome outcome(String sourceApp, int attemptsBefore, Status status) {
    return new Outcome(new Claimed(1, 1, sourceApp, "{}", attemptsBefore), status, null, null, 1L,
        OffsetDateTime.now(), 10);
  }
}
