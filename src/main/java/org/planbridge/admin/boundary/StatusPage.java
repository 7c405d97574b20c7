package org.planbridge.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Manifest;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.planbridge.admin.control.InstanceState;
import org.planbridge.admin.control.Instances;
import org.planbridge.platform.control.Failures;

/**
 * Status, linked from every page's footer: this instance's name and version, and its liveness and readiness checks
 * with their data (the database and its migrations, the drain and retry timers and their last run, each Source
 * App's backlog, pause, last success and failure): the same checks the server's /health answers, called here. Above
 * them, every instance on this database as it last reported itself: alive, its timers stopped, or not seen.
 */
@Named
@RequestScoped
public class StatusPage {

  private static volatile String version;

  @Inject @Liveness Instance<HealthCheck> liveness;
  @Inject @Readiness Instance<HealthCheck> readiness;
  @Inject org.planbridge.outbox.control.Instance instance;
  @Inject FacesContext faces;
  @Inject Instances registry;

  private List<InstanceState> instances;
  private String instancesProblem;

  /** One check's answer as the page shows it. */
  public record Check(String kind, String name, boolean up, Map<String, Object> data) {}

  private List<Check> checks;

  public List<Check> getChecks() {
    if (checks == null) {
      checks = new ArrayList<>();
      liveness.forEach(check -> checks.add(call("liveness", check)));
      readiness.forEach(check -> checks.add(call("readiness", check)));
    }
    return checks;
  }

  public boolean isUp() {
    return getChecks().stream().allMatch(Check::up);
  }

  /** Every instance on this database as it last reported itself ({@link InstanceBeacon}); empty if unreadable. */
  public List<InstanceState> getInstances() {
    if (instances == null) {
      try {
        instances = registry.list();
      } catch (SQLException | RuntimeException e) {
        instances = List.of();
        instancesProblem = "The instances cannot be read: " + Failures.rootMessage(e);
      }
    }
    return instances;
  }

  public String getInstancesProblem() {
    getInstances();
    return instancesProblem;
  }

  /** How an instance is: alive, its timers stopped, or not seen for three beacons. */
  public String state(InstanceState state) {
    if (state.missing(OffsetDateTime.now(ZoneOffset.UTC), InstanceBeacon.EVERY)) {
      return "not seen since " + ShownTime.of(state.seenAt().toString());
    }
    return state.timersStopped() == null ? "alive" : "timers stopped: " + state.timersStopped();
  }

  public String time(OffsetDateTime at) {
    return at == null ? "-" : ShownTime.of(at.toString());
  }

  public String getInstance() {
    return instance.id();
  }

  /** The WAR's Implementation-Version (its manifest), or "unknown". */
  public String getVersion() {
    String known = version;
    if (known == null) {
      known = "unknown";
      try (InputStream manifest = faces.getExternalContext().getResourceAsStream("/META-INF/MANIFEST.MF")) {
        if (manifest != null) {
          String value = new Manifest(manifest).getMainAttributes().getValue("Implementation-Version");
          known = value == null ? known : value;
        }
      } catch (IOException e) {
        // stays unknown
      }
      version = known;
    }
    return known;
  }

  private static Check call(String kind, HealthCheck check) {
    try {
      HealthCheckResponse response = check.call();
      return new Check(kind, response.getName(), response.getStatus() == HealthCheckResponse.Status.UP,
          new TreeMap<>(response.getData().orElse(Map.of())));
    } catch (RuntimeException e) {
      return new Check(kind, check.getClass().getSimpleName(), false, Map.of("error", Failures.rootMessage(e)));
    }
  }
}
