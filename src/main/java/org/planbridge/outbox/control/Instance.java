package org.planbridge.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This PlanBridge instance's name in the leases it takes: configured, or host, process and a random part. */
@ApplicationScoped
public class Instance {

  @Inject
  @ConfigProperty(name = "planbridge.instance.id")
  Optional<String> configured;

  private volatile String id;

  public String id() {
    if (id == null) {
      String generated = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
      id = configured.filter(s -> !s.isBlank()).orElse(generated);
      if (id.length() > 100) {
        id = id.substring(0, 100);
      }
    }
    return id;
  }
}
