package org.planbridge.outbox.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.planbridge.outbox.control.Heartbeats;

/** Ready while the drain timer ticks and the retry timer (when there is one) is not overdue ({@link Heartbeats}). */
@Readiness
@ApplicationScoped
public class DrainReadiness implements HealthCheck {

  @Inject Heartbeats heartbeats;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("drain");
    heartbeats.lastDrainTick().ifPresent(tick -> response.withData("lastDrainTick", tick.toString()));
    heartbeats.nextRetry().ifPresent(next -> response.withData("nextRetry", next.toString()));
    Optional<String> stopped = heartbeats.stopped(Instant.now());
    stopped.ifPresent(reason -> response.withData("error", reason));
    return response.status(stopped.isEmpty()).build();
  }
}
