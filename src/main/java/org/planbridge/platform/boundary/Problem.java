package org.planbridge.platform.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details, the answer of every non-import route that fails. */
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";

  private Problem() {}

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
