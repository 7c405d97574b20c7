package org.planbridge.ingest.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The wire shapes of the import routes, for {@code /openapi} only: the code reads and writes JSON-P. */
final class ApiSchemas {

  private ApiSchemas() {}

  @Schema(name = "ProcedureCall", description = "One Dime.Scheduler procedure call")
  static final class ProcedureCall {
    @Schema(name = "StoredProcedureName", example = "mboc_upsertJob", required = true)
    public String storedProcedureName;

    @Schema(name = "ParameterNames", example = "[\"SourceApp\", \"SourceType\", \"JobNo\", \"ShortDescription\"]")
    public List<String> parameterNames;

    @Schema(name = "ParameterValues", description = "Strings or null, pairing with ParameterNames",
        example = "[\"BC\", \"SO\", \"J-1001\", \"Boiler service\"]")
    public List<String> parameterValues;
  }

  @Schema(name = "Envelope", description = "The answer the SDKs parse; content is JSON text")
  static final class Envelope {
    @Schema(description = "JSON text: {\"Success\": true, \"Message\": null, \"Status\": 200, \"Appointments\": "
        + "[{\"Id\": 1, \"Guid\": \"...\"}]} or {\"Success\": false, \"Error\": \"Bad Request\", \"Description\": \"...\"}")
    public String content;

    @Schema(example = "application/json")
    public String contentType;

    @Schema(description = "200 on success; 400, 401, 404, 405, 413 or 500 when refused", example = "200")
    public int statusCode;
  }
}
