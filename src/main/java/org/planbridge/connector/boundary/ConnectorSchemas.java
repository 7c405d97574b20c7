package org.planbridge.connector.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The connector API's wire shapes, for {@code /openapi} only: the code reads and writes JSON-P. */
final class ConnectorSchemas {

  private ConnectorSchemas() {}

  @Schema(name = "ConnectorRequest", description = "A connector to create, or its new fields")
  static class Request {
    @Schema(required = true, maxLength = 100, example = "Business Central")
    public String name;
    @Schema(maxLength = 255)
    public String description;
    @Schema(required = true, maxLength = 30, description = "Unique; matched exactly", example = "BC")
    public String sourceApp;
    @Schema(maxLength = 10)
    public String sourceType;
    @Schema(description = "Send the appointments back (default true)")
    public Boolean sendAppointmentToWebService;
    @Schema(description = "NAV, BC, BC_ONLINE, WEBHOOK, or the SDK numbers 1 to 4", example = "WEBHOOK")
    public String backOfficeSystem;
    @Schema(maxLength = 50, description = "The protocol: SOAP_CODEUNIT, SOAP_PAGE, REST_API_PAGE, WEBHOOK", example = "WEBHOOK")
    public String backOfficeType;
    @Schema(maxLength = 1000, example = "http://localhost:9000/appointments")
    public String uri;
    @Schema(maxLength = 100, description = "Pins the server's certificate by its SHA-256 fingerprint (64 hex"
        + " digits, colons allowed), checked on top of the trust, never instead; empty: no pin",
        example = "3F:A1:0C:5E:77:D2:9B:40:E8:61:AA:13:C4:0F:92:7D:25:B8:E0:4A:11:6C:F3:D9:80:27:5B:AE:34:C6:19:E2")
    public String certificateFingerprint;
    @Schema(maxLength = 255)
    public String login;
    @Schema(maxLength = 500, writeOnly = true, description = "Write-only. Left out or null keeps the stored one; \"\" removes it")
    public String password;
    @Schema(description = "NONE, BASIC, NTLM, WINDOWS, OAUTH_ENTRA_ID, OAUTH2_CLIENT_CREDENTIALS_BODY,"
        + " OAUTH2_CLIENT_CREDENTIALS_BASIC or the SDK numbers 0 to 6; empty: Windows for NAV/BC SOAP, or Basic when"
        + " the login starts with basic=", example = "WINDOWS")
    public String authenticationType;
    @Schema(maxLength = 250, description = "The NAV/BC company, when the URI does not name it",
        example = "CRONUS International Ltd.")
    public String company;
    @Schema(maxLength = 100, description = "The page or codeunit service (default Appointment / PlanBridge)")
    public String serviceName;
    @Schema(maxLength = 60, description = "For page fields that split a date and a time (default UTC)",
        example = "Europe/Brussels")
    public String timeZone;
    @Schema(description = "Over the default field mapping: {\"PlanBridge field\": \"Page_Field\" or null}")
    public java.util.Map<String, String> fieldMapping;
    @Schema(minimum = "1", maximum = "1000", description = "How many of its transactions may be in flight at once, on"
        + " all instances together; null: the system's default (5 for BC_ONLINE, else the drain's parallelism)")
    public Integer concurrency;
  }

  @Schema(name = "Connector", description = "A connector as stored; the password is never returned")
  static final class Answer extends Request {
    public long id;
    @Schema(description = "Whether a password is stored")
    public boolean passwordSet;
    @Schema(description = "The limit in force: concurrency, or the system's default; null: none but the drain's")
    public Integer effectiveConcurrency;
    @Schema(description = "Until when the back office asked to wait (429 or 503 with Retry-After): nothing of this"
        + " Source App is sent before; null: no pause")
    public String pausedUntil;
    public String createdAt;
    public String updatedAt;
  }

  @Schema(name = "ConnectorPage")
  static final class Page {
    public List<Answer> items;
    public long total;
  }
}
