package org.planbridge.backoffice.bconline;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.RetryAfter;
import org.planbridge.backoffice.tls.CertificateRefused;

/**
 * What went wrong with Business Central online, said so that an administrator knows what to fix: the token
 * endpoint's error ({@code invalid_client}: the secret or the client id; the AADSTS line of its description), an
 * API status with what it means here and the OData error's code and message, throttling with the Retry-After
 * asked for, and the network's and TLS's own failures. The client secret never appears: should an answer echo it,
 * it is cut out.
 */
final class BcFailures {

  private static final int EXCERPT = 500;

  private BcFailures() {}

  /** The token endpoint refused to issue a token. */
  static DeliveryFailed token(HttpResponse<String> answer, BcCredentials credentials, String scope) {
    JsonObject error = BcHttp.object(answer.body());
    String code = error == null ? null : error.getString("error", null);
    String description = error == null ? excerpt(answer.body())
        : error.getString("error_description", "").lines().findFirst().orElse("");
    String meaning = code == null ? "" : switch (code) {
      case "invalid_client" -> ": wrong client secret or client id (or the secret has expired); check the"
          + " connector's password client_id=...&client_secret=... against the app registration's certificates"
          + " and secrets in Microsoft Entra ID";
      case "unauthorized_client" -> ": the app " + credentials.clientId() + " is not registered in, or not enabled"
          + " for, the tenant " + credentials.tenant() + "; check the client id and the tenant id (the login)";
      case "invalid_request" -> " for the tenant '" + credentials.tenant() + "': check that the login is the"
          + " directory (tenant) id of the Entra tenant Business Central belongs to";
      case "invalid_scope" -> ": the scope " + scope + " is not valid here (planbridge.bconline.scope)";
      default -> "";
    };
    return failed("The token endpoint " + answer.uri() + " refused " + credentials.describe() + ": HTTP "
        + answer.statusCode() + (code == null ? "" : " " + code) + meaning + (description.isEmpty() ? ""
        : " (" + description + ")"), answer, credentials);
  }

  /** The API answered a status other than success. */
  static DeliveryFailed status(HttpResponse<String> answer, BcCredentials credentials) {
    URI url = answer.uri();
    String odata = odata(answer.body());
    String detail = odata.isEmpty() ? "" : ": " + odata;
    String refused = refusal(answer.statusCode(), url, credentials, detail);
    String message = refused != null ? refused : switch (answer.statusCode()) {
      case 404 -> "HTTP 404 from " + url + detail + ": the API page is not there. Check that the Dime.Scheduler"
          + " extension (API dimeSoftware/dimeScheduler v1.0) is installed and published in this environment, and"
          + " the environment and the company in the URL";
      case 429, 503, 504 -> "HTTP " + answer.statusCode() + " from " + url + ": Business Central is "
          + (answer.statusCode() == 429 ? "throttling requests" : "unavailable or overloaded") + RetryAfter.of(answer)
              .map(wait -> " (Retry-After: " + wait.toSeconds() + " s)").orElse("") + detail;
      default -> "HTTP " + answer.statusCode() + " from " + url + detail;
    };
    return failed(message, answer, credentials);
  }

  /**
   * What a 401 (with a token fetched anew) or a 403 from Business Central at {@code url} means, and what to check in
   * Entra ID and in Business Central; null for another status. {@code detail}: "" or ": " and what BC said.
   */
  static String refusal(int status, URI url, BcCredentials credentials, String detail) {
    return switch (status) {
      case 401 -> "HTTP 401 from " + url + ", with a token fetched anew: Business Central refused "
          + credentials.describe() + detail + ". Check that the login is the tenant of this environment, that the"
          + " app registration has the API permission API.ReadWrite.All (or Automation.ReadWrite.All) of Dynamics"
          + " 365 Business Central with admin consent, and that the app has a Microsoft Entra Application card in"
          + " Business Central, Enabled, with permission sets";
      case 403 -> "HTTP 403 from " + url + ": " + credentials.describe() + " is not permitted" + detail + ". Give its"
          + " Microsoft Entra Application card in Business Central the permission sets for the Dime.Scheduler"
          + " appointments (and for the company)";
      default -> null;
    };
  }

  /** The OData error as {@code code: message}, else an excerpt of the body ("" when there is none). */
  static String odata(String body) {
    JsonObject json = BcHttp.object(body);
    JsonObject error = json == null || !(json.get("error") instanceof JsonObject e) ? null : e;
    return error == null ? excerpt(body) : error.getString("code", "") + ": " + error.getString("message", "");
  }

  /** The network's or TLS's failure on the way to {@code url}. */
  static DeliveryFailed io(IOException failure, URI url, long readTimeoutMs) {
    if (failure instanceof HttpTimeoutException) {
      return new DeliveryFailed("No answer from " + url + " within " + readTimeoutMs + " ms", failure);
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertificateRefused refused) {
        return new DeliveryFailed("TLS with " + url.getHost() + " failed: " + refused.getMessage(), failure);
      }
      if (cause instanceof UnknownHostException) {
        return new DeliveryFailed("Cannot reach " + url + ": the host " + url.getHost() + " is unknown", failure);
      }
      if (cause instanceof ConnectException) {
        return new DeliveryFailed("Cannot reach " + url + ": connection refused", failure);
      }
    }
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return new DeliveryFailed((failure instanceof SSLException ? "TLS with " + url.getHost() + " failed: "
        : "Cannot reach " + url + ": ") + message, failure);
  }

  private static DeliveryFailed failed(String message, HttpResponse<String> answer, BcCredentials credentials) {
    return new DeliveryFailed(withoutSecret(message, credentials), null, RetryAfter.of(answer).orElse(null));
  }

  /** The message with the client secret cut out, should an answer have echoed it. */
  static String withoutSecret(String message, BcCredentials credentials) {
    return message.replace(credentials.clientSecret(), "(the client secret)");
  }

  private static String excerpt(String body) {
    String text = body == null ? "" : body.strip();
    return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
  }
}
