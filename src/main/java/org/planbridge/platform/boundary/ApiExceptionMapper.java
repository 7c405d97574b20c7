package org.planbridge.platform.boundary;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure the resources do not answer themselves, in the route's shape instead of the server's
 * HTML page: a route that does not exist (404), a method it does not have (405, with
 * {@code Allow}), a media type it does not take (415) or cannot answer (406). Anything else is a
 * fault of PlanBridge, not of the request: 500 with a message that quotes no class, SQL or stack,
 * and the stack trace in the log, once.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  @Context UriInfo uri;
  @Context Request request;
  @Context HttpHeaders headers;

  @Override
  public Response toResponse(Throwable failure) {
    String method = request.getMethod();
    String path = uri.getPath();
    String relative = "/api/" + path.replaceAll("^/+", "");
    String route = method + " " + relative;
    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      Response given = web.getResponse();
      if (given.hasEntity()) {
        return given;
      }
      int status = given.getStatus();
      Response.Status known = Response.Status.fromStatusCode(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      Response refusal = Answers.refusal(method, path, status, title, switch (status) {
        case 404 -> "There is no route " + route + ".";
        case 405 -> method + " is not allowed on " + relative + "; allowed: "
            + String.join(", ", given.getAllowedMethods()) + ".";
        case 415 -> "This route does not take Content-Type " + headers.getMediaType() + "; send application/json.";
        case 406 -> "This route answers application/json, which the Accept header excludes.";
        default -> title + ": " + route + ".";
      });
      return failure instanceof NotAllowedException
          ? Response.fromResponse(refusal).allow(given.getAllowedMethods()).build() : refusal;
    }
    LOG.log(Level.SEVERE, route + " failed", failure);
    return Answers.refusal(method, path, 500, "Internal Server Error",
        "PlanBridge failed on " + route + "; the server log has the details.");
  }
}
