package org.planbridge.integration.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbridge.ingest.control.ImportRejected;
import java.sql.SQLException;
import org.planbridge.integration.control.ExpressionLimits;
import org.planbridge.integration.control.RunRequest;
import org.planbridge.integration.control.Sandbox;
import org.planbridge.integration.control.Template;
import org.planbridge.integration.control.TemplateStore;
import org.planbridge.platform.boundary.BodyLimits;
import org.planbridge.platform.boundary.Problem;
import org.planbridge.planning.control.BadParameter;
import org.planbridge.platform.control.BadBody;
import org.planbridge.platform.control.Failures;
import org.planbridge.platform.control.QueryParameters;

/**
 * {@code /api/integration} (the ingest scope): the installed templates, what each reads and writes,
 * {@code POST /api/integration/{template}}, an import in the client's own field names, and {@code GET}, an export
 * in them ({@link TemplateExports}). The import runs outside any transaction: the template's expressions run
 * first, then each round of judging and writing is one transaction of its own ({@link TemplateRunner}).
 */
@Stateless
@Path("integration")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Integration templates")
@ManagedExecutorDefinition(name = IntegrationResource.EXPRESSIONS, maxAsync = 16)
public class IntegrationResource {

  /** Where templates' expressions run, so that the request's thread can stop waiting for one at its deadline. */
  static final String EXPRESSIONS = "java:app/concurrent/PlanBridgeExpressions";

  @Inject TemplateStore templates;
  @Inject TemplateRuns runs;
  @Inject TemplateRunner runner;
  @Inject TemplateExports exports;
  @Inject BodyLimits limits;

  @Resource(lookup = EXPRESSIONS)
  ManagedExecutorService executor;

  /** Each expression's deadline (see {@link ExpressionLimits}); 1 ms to a minute. */
  @Inject
  @ConfigProperty(name = "planbridge.integration.expression.deadline.ms", defaultValue = "200")
  long deadlineMillis;

  @GET
  @Path("templates")
  @Operation(operationId = "listInstalledTemplates", summary = "List the installed integration templates")
  @APIResponse(responseCode = "200", description = "{\"items\": [{\"name\", \"description\", \"direction\","
      + " \"reads\", \"writes\"}], \"total\": n}")
  public Response list(@Context UriInfo uri) {
    return TemplateAnswers.listed(uri, templates);
  }

  @GET
  @Path("{template}")
  @Operation(operationId = "runExportTemplate", summary = "Export records in the client's own field names",
      description = "The records of the template's source created or changed after since (yyyyMMddHHmmss in UTC,"
          + " or ISO-8601), a page at a time (limit, 1 to 1000, default 100); cursor from the previous answer.")
  @APIResponse(responseCode = "200", description = "{\"template\", \"items\": [...], \"errors\": [{\"rowVersion\","
      + " \"field\", \"message\"}], \"cursor\", \"more\"}")
  @APIResponse(responseCode = "400", description = "A query parameter it does not take, or not an export template",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "404", description = "No such template", content = @Content(mediaType = Problem.MEDIA_TYPE))
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the read has its own; the expressions run after it
  public Response export(@PathParam("template") String name, @Context UriInfo uri) {
    try {
      Template template = template(name, Template.Direction.OUT);
      return Response.ok(exports.export(template, QueryParameters.decode(uri.getQueryParameters(false)), sandbox()),
          MediaType.APPLICATION_JSON_TYPE).build();
    } catch (TemplateStore.Refused e) {
      return Problem.of(e.status(), e.status() == 404 ? "Not Found" : "Wrong kind of template", e.getMessage());
    } catch (BadParameter e) {
      return Problem.of(400, "Invalid query parameter: " + e.parameter(), e.getMessage());
    } catch (QueryParameters.Bad e) {
      return Problem.of(400, "Invalid query parameter: " + e.parameter(), e.getMessage());
    } catch (SQLException e) {
      return Problem.of(503, "Service Unavailable", "The database failed: " + Failures.rootMessage(e));
    }
  }

  /** The template of that name (404 when none; 400 when its direction does not take this method). */
  private Template template(String name, Template.Direction wanted) {
    Template template = runs.template(name).orElseThrow(() -> TemplateStore.notFound(name));
    if (template.direction() != wanted) {
      throw TemplateStore.refused(400, "Template '" + name + "' is " + (wanted == Template.Direction.IN
          ? "an export template (direction out): GET it to export; only an import template (direction in) takes a POST."
          : "an import template (direction in): POST a model to it to import; only an export template (direction "
              + "out) takes a GET."));
    }
    return template;
  }

  /** A sandbox for one request: each expression's deadline at least 1 ms, at most a minute (never off). */
  private Sandbox sandbox() {
    long deadline = Math.min(Math.max(deadlineMillis, 1), 60_000);
    return new Sandbox(executor, ExpressionLimits.DEFAULT.withDeadline(deadline));
  }

  @POST
  @Path("{template}")
  @Consumes(MediaType.WILDCARD)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  @Operation(operationId = "runImportTemplate", summary = "Import elements in the client's own field names",
      description = "{\"simulate\": false, \"verbose\": false, \"stopOnError\": false, \"model\": [elements]};"
          + " each element is applied whole or not at all; see the README.")
  @APIResponse(responseCode = "200", description = "The report: counts, refused elements, and with simulate or"
      + " verbose every change with old and new values")
  @APIResponse(responseCode = "422", description = "Nothing applied: stopOnError met a refusal, or every element"
      + " was refused; the same report")
  @APIResponse(responseCode = "400", description = "Not a run request, or not an import template",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "404", description = "No such template", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response run(@PathParam("template") String name,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
    try {
      Template template = template(name, Template.Direction.IN);
      RunRequest request = RunRequest.read(limits.ingest(body, contentLength));
      return RunReport.of(template, request, runner.run(template, request, sandbox()));
    } catch (TemplateStore.Refused e) {
      return Problem.of(e.status(), e.status() == 404 ? "Not Found" : "Wrong kind of template", e.getMessage());
    } catch (BadBody e) {
      return Problem.of(e);
    } catch (TemplateRunner.Refused e) {
      return Problem.of(e.status(), e.status() == 413 ? "Payload Too Large" : "Not applied", e.getMessage());
    } catch (TemplateRunner.TooManyRounds e) {
      return Problem.of(422, "Too many refused elements", e.getMessage());
    } catch (ImportRejected e) {
      return Problem.of(e.status(), e.status() >= 500 ? "Import failed" : "Import refused", e.getMessage());
    }
  }
}
