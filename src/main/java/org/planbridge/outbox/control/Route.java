package org.planbridge.outbox.control;

import java.net.URI;
import org.planbridge.connector.entity.BackOfficeSystem;

/**
 * Where a Source App's transactions go, as its connector says now: an endpoint, or the status that
 * explains why there is none (no connector, sending off, a system, type or URI that does not work).
 */
public record Route(Long connectorId, Status problem, String message, BackOfficeSystem system, String type, URI uri,
    String login, String password) {

  public static Route refused(Long connectorId, Status problem, String message) {
    return new Route(connectorId, problem, message, null, null, null, null, null);
  }

  @Override
  public String toString() {
    return problem != null ? "Route[" + problem.label() + "]" : "Route[" + system + " " + type + " " + uri + "]";
  }
}
