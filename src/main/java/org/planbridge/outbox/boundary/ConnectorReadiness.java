package org.planbridge.outbox.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.planbridge.outbox.control.Backlog;
import org.planbridge.outbox.control.BacklogMeters;
import org.planbridge.outbox.control.DeliveryMeters;

/**
 * Each connector's state as data, always UP: a back office that is down or asked to wait is its connector's problem,
 * not this instance's, and taking the instance out of a load balancer would not help it. Per Source App:
 * {@code <app>.pending}, {@code <app>.oldestPendingSeconds}, {@code <app>.pausedUntil} (only when paused) and
 * {@code <app>.lastSuccess} (this instance's, only when there was one since it started); at most
 * {@link #MAX_LISTED} Source Apps.
 */
@Readiness
@ApplicationScoped
public class ConnectorReadiness implements HealthCheck {

  static final int MAX_LISTED = 50;

  @Inject BacklogMeters backlogs;
  @Inject DeliveryMeters deliveries;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("connectors").up();
    BacklogMeters.Reading reading = backlogs.current();
    Backlog backlog = reading.backlog();
    if (backlog == null) {
      return response.withData("error", reading.failure()).build();
    }
    Set<String> sourceApps = new TreeSet<>(backlog.pausedUntil().keySet());
    sourceApps.addAll(backlog.waiting().keySet());
    sourceApps.stream().limit(MAX_LISTED).forEach(app -> {
      Backlog.Waiting waiting = backlog.of(app);
      response.withData(app + ".pending", waiting.count());
      response.withData(app + ".oldestPendingSeconds", waiting.count() == 0 ? 0
          : (long) waiting.ageSeconds(reading.when()));
      backlog.pausedUntil(app).ifPresent(until -> response.withData(app + ".pausedUntil", until.toString()));
      deliveries.lastSuccess(app).ifPresent(at -> response.withData(app + ".lastSuccess", at.toString()));
    });
    if (sourceApps.size() > MAX_LISTED) {
      response.withData("moreSourceApps", sourceApps.size() - MAX_LISTED);
    }
    return response.build();
  }
}
