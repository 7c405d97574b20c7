package org.planbridge.planning.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.planning.control.BadParameter;
import org.planbridge.planning.control.ListTooLong;
import org.planbridge.planning.control.PlanningCollection;
import org.planbridge.planning.control.PlanningReads;
import org.planbridge.platform.boundary.Envelope;
import org.planbridge.platform.boundary.Problem;
import org.planbridge.platform.control.Failures;
import org.planbridge.platform.control.QueryParameters;

/**
 * The reads of the planning model, each in one transaction: a page ({@code GET /api/jobs}, problem details when
 * refused) and the SDKs' list ({@code GET /api/job}, a JSON array of model objects; refused in the SDK envelope with
 * the HTTP status, so that the SDK's client fails rather than read an envelope as the list). The routes themselves
 * are matched by the typed routes' resource: JAX-RS gives one template, {@code /api/{route}}, to one method.
 */
@Stateless
public class PlanningReader {

  private static final Logger LOG = Logger.getLogger(PlanningReader.class.getName());

  @Inject PlanningReads reads;

  @Inject
  @ConfigProperty(name = "planbridge.api.list.max", defaultValue = "10000")
  int listMax;

  public Response page(PlanningCollection collection, UriInfo uri) {
    try {
      return Response.ok(reads.page(collection, parameters(uri)), MediaType.APPLICATION_JSON_TYPE).build(); // JSON text
    } catch (BadParameter e) {
      return Problem.of(400, "Invalid query parameter: " + e.parameter(), e.getMessage());
    } catch (QueryParameters.Bad e) {
      return Problem.of(400, "Invalid query parameter: " + e.parameter(), e.getMessage());
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "read of " + collection.path() + " failed", e);
      return Problem.of(503, "Service Unavailable", "The database failed: " + Failures.rootMessage(e));
    }
  }

  public Response list(PlanningCollection collection, UriInfo uri) {
    try {
      return Response.ok(reads.list(collection, parameters(uri), listMax), MediaType.APPLICATION_JSON_TYPE).build();
    } catch (BadParameter | QueryParameters.Bad | ListTooLong e) {
      return Envelope.failure(400, 400, e.getMessage());
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "list of " + collection.route() + " failed", e);
      return Envelope.failure(503, 503, "The database failed: " + Failures.rootMessage(e));
    }
  }

  private static Map<String, List<String>> parameters(UriInfo uri) {
    return QueryParameters.decode(uri.getQueryParameters(false));
  }
}
