package org.planbridge.ingest.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.planbridge.ingest.control.ImportRejected;
import org.planbridge.ingest.control.ImportRequestReader;
import org.planbridge.platform.boundary.BodyLimits;
import org.planbridge.platform.control.BadBody;

/** {@code POST /api/import}: Dime.Scheduler {@code mboc_*} procedure calls, applied as one transaction. */
@Path("import")
public class ImportResource {

  @Inject Imports imports;
  @Inject BodyLimits limits;
  @Inject ImportMeters meters;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Import planning data as procedure calls",
      description = "A JSON array of {StoredProcedureName, ParameterNames, ParameterValues}; all values strings"
          + " or null. Applied in order, in one transaction: every item or none.")
  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(implementation = ApiSchemas.ProcedureCall.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
  @APIResponse(responseCode = "200", description = "The envelope; statusCode 200 on success, 400 or 500 when refused",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Envelope.class)))
  @APIResponse(responseCode = "401", description = "Missing or wrong X-API-KEY")
  @APIResponse(responseCode = "413", description = "Body over PLANBRIDGE_IMPORT_MAX_BODY_BYTES")
  public Response importProcedures(@HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
    try {
      InputStream limited = limits.ingest(body, contentLength);
      return ImportAnswers.run(imports, meters.procedures(), () -> ImportRequestReader.read(limited));
    } catch (ImportRejected e) {
      return ImportAnswers.failure(meters.procedures(), e, 0);
    } catch (BadBody e) {
      return ImportAnswers.failure(meters.procedures(), ImportRejected.of(e), 0);
    }
  }
}
