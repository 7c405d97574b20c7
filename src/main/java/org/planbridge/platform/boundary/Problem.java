package org.planbridge.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.planbridge.platform.control.BadBody;
import org.planbridge.platform.control.Jsons;

/** RFC 9457 problem details, the answer of every non-import route that fails. */
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";

  private Problem() {}

  /** A body that could not be read: 400, 408 or 413, saying what is wrong and where. */
  public static Response of(BadBody refusal) {
    return of(refusal.status(), switch (refusal.status()) {
      case 408 -> "Request Timeout";
      case 413 -> "Payload Too Large";
      default -> "Bad request body";
    }, refusal.getMessage());
  }

  /**
   * The refusal of a list that takes no query parameters, when the request has one (null when it has
   * none): a parameter would otherwise be ignored, and a typo would look like an empty filter.
   */
  public static Response whenQueried(UriInfo uri, String list) {
    if (uri.getQueryParameters(false).isEmpty()) {
      return null;
    }
    String name = uri.getQueryParameters(false).keySet().iterator().next();
    return of(400, "Invalid query parameter: " + name, "Query parameter '" + name + "': " + list
        + " takes no query parameters.");
  }

  public static Response of(int status, String title, String detail) {
    String body = Jsons.JSON.createObjectBuilder()
        .add("type", "about:blank")
        .add("title", title)
        .add("status", status)
        .add("detail", detail)
        .build()
        .toString();
    return Response.status(status).type(MEDIA_TYPE).entity(body).build();
  }
}
