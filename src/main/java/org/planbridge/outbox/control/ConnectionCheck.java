package org.planbridge.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.planbridge.backoffice.BackOfficeClients;
import org.planbridge.backoffice.CheckStep;

/**
 * A connector tried the way the drain would use it, without sending an appointment: first the checks the drain
 * makes of the connector itself (the status a transaction would get), then its client's own steps. Runs outside
 * any database transaction: the network steps may take the client's timeouts.
 */
@ApplicationScoped
public class ConnectionCheck {

  @Inject Routing routing;
  @Inject BackOfficeClients clients;

  /** The steps, in order, up to the first that failed; empty when there is no such connector. */
  public Optional<List<CheckStep>> run(long connectorId) {
    long begin = System.nanoTime();
    return routing.resolve(connectorId).map(route -> {
      long resolvedMs = (System.nanoTime() - begin) / 1_000_000;
      List<CheckStep> steps = new ArrayList<>();
      if (route.problem() != null) {
        steps.add(new CheckStep("connector", false, resolvedMs, route.problem().label() + ": " + route.message()));
        return steps;
      }
      steps.add(new CheckStep("connector", true, resolvedMs, route.target().system() + " " + route.target().type()
          + " to " + route.target().uri()));
      steps.addAll(clients.of(route.target()).check(route.target()));
      return steps;
    });
  }
}
