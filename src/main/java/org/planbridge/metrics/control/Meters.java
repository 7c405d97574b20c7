package org.planbridge.metrics.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The application's one meter registry, with the JVM's basics bound to it, and its Prometheus text. Components take
 * it as Micrometer's {@link MeterRegistry}.
 */
@ApplicationScoped
public class Meters {

  private PrometheusMeterRegistry registry;
  private JvmGcMetrics gc;

  @PostConstruct
  void start() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
  }

  /** The GC binder listens to the JVM's GC beans: without this, every redeploy would leave its listeners behind. */
  @PreDestroy
  void stop() {
    gc.close();
    registry.close();
  }

  @Produces
  MeterRegistry registry() {
    return registry;
  }

  /** Every meter in the given format ({@link Exposition#contentType()}). */
  public String scrape(Exposition format) {
    return registry.scrape(format.contentType());
  }
}
