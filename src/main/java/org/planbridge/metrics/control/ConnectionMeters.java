package org.planbridge.metrics.control;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link ConnectionMeter} of each use ({@code drain}, {@code import}, {@code keys}, ...), built once. */
@ApplicationScoped
public class ConnectionMeters {

  @Inject MeterRegistry registry;

  private final Map<String, ConnectionMeter> meters = new ConcurrentHashMap<>();

  public ConnectionMeters() {}

  /** Outside a container (the unit tests). */
  public ConnectionMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  public ConnectionMeter of(String use) {
    return meters.computeIfAbsent(use, name -> new ConnectionMeter(registry, name));
  }
}
