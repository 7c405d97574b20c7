package org.planbridge.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The HTTP API under {@code /api}, Dime.Scheduler-compatible where the SDKs speak to it. */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info = @Info(title = "PlanBridge API", version = "0.1",
        description = "Planning data in (Dime.Scheduler-compatible import), reads out.",
        license = @License(name = "Apache-2.0")),
    security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER, apiKeyName = ApiKeyFilter.HEADER)
public class PlanBridgeApi extends Application {}
