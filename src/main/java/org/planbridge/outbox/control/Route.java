package org.planbridge.outbox.control;

import org.planbridge.backoffice.Target;

/**
 * Where a Source App's transactions go, as its connector says now: a target, or the status that
 * explains why there is none (no connector, sending off, a system, type or URI that does not work).
 */
public record Route(Long connectorId, Status problem, String message, Target target) {

  public static Route refused(Long connectorId, Status problem, String message) {
    return new Route(connectorId, problem, message, null);
  }

  public static Route to(Target target) {
    return new Route(target.connectorId(), null, null, target);
  }

  @Override
  public String toString() {
    return problem != null ? "Route[" + problem.label() + "]" : "Route[" + target + "]";
  }
}
