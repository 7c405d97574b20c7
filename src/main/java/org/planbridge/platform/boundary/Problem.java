package org.planbridge.platform.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.core.Response;
import org.planbridge.platform.control.BadBody;

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

  public static Response of(int status, String title, String detail) {
    String body = Json.createObjectBuilder()
        .add("type", "about:blank")
        .add("title", title)
        .add("status", status)
        .add("detail", detail)
        .build()
        .toString();
    return Response.status(status).type(MEDIA_TYPE).entity(body).build();
  }
}
