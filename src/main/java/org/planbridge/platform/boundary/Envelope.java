package org.planbridge.platform.boundary;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.planbridge.platform.control.Jsons;

/**
 * The Dime.Scheduler answer shape that the public SDKs parse: {@code {"content": "<JSON text>",
 * "contentType": "application/json", "statusCode": n}}. The import and typed routes answer in it.
 */
public final class Envelope {

  private Envelope() {}

  /**
   * A refusal with its status in the envelope and HTTP 200, because the .NET SDK shows the envelope's
   * Description only then; a missing key (401), a key without the scope (403), a body too slow (408)
   * or too large (413) answer with that HTTP status too, as the SDKs and proxies expect.
   */
  public static Response refusal(int statusCode, String description) {
    boolean http = statusCode == 401 || statusCode == 403 || statusCode == 408 || statusCode == 413;
    return failure(http ? statusCode : 200, statusCode, description);
  }

  public static Response failure(int httpStatus, int statusCode, String description) {
    JsonObject content = Jsons.JSON.createObjectBuilder()
        .add("Success", false)
        .add("Error", reason(statusCode))
        .add("Description", description)
        .build();
    return wrap(httpStatus, statusCode, content);
  }

  public static Response wrap(int httpStatus, int statusCode, JsonObject content) {
    JsonObject envelope = Jsons.JSON.createObjectBuilder()
        .add("content", content.toString())
        .add("contentType", MediaType.APPLICATION_JSON)
        .add("statusCode", statusCode)
        .build();
    return Response.status(httpStatus).type(MediaType.APPLICATION_JSON_TYPE).entity(envelope.toString()).build();
  }

  private static String reason(int statusCode) {
    Response.Status status = Response.Status.fromStatusCode(statusCode);
    return status == null ? "Error" : status.getReasonPhrase();
  }
}
