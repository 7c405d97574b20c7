package org.planbridge.backoffice.bconline;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.nav.NavSetupProblem;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;

/**
 * The OAuth2 client credentials of a connector, as administrators enter them for Dime.Scheduler: the login is the
 * directory (tenant) id, the password {@code client_id=<application id>&client_secret=<secret>} (either order,
 * values URL-encoded or not, spaces around the parts ignored). {@code basic}: the client id and secret go to the
 * token endpoint as HTTP Basic (OAUTH2_CLIENT_CREDENTIALS_BASIC), else in the form body.
 */
record BcCredentials(String tenant, String clientId, String clientSecret, boolean basic) {

  private static final String FORM = "client_id=<application (client) id>&client_secret=<client secret>";

  /** @throws NavSetupProblem when the connector's settings are not OAuth2 client credentials, saying what is wrong */
  static BcCredentials of(Target target) throws NavSetupProblem {
    Authentication type = target.authentication();
    if (type == null && target.system() == BackOfficeSystem.BC_ONLINE) {
      type = Authentication.OAUTH2_CLIENT_CREDENTIALS_BODY;
    }
    if (type == null || !type.isOAuth()) {
      throw new NavSetupProblem("REST_API_PAGE and Business Central online sign in with OAuth2 client credentials"
          + " (authentication OAUTH2_CLIENT_CREDENTIALS_BODY, OAUTH2_CLIENT_CREDENTIALS_BASIC or OAUTH_ENTRA_ID); the"
          + " connector's authentication is " + (type == null ? "not set (Windows, on premises)" : type) + ". Basic"
          + " and Windows logins are for NAV and BC on premises, over SOAP_PAGE or SOAP_CODEUNIT");
    }
    String tenant = target.login() == null ? "" : target.login().trim();
    if (tenant.isEmpty()) {
      throw new NavSetupProblem("the login must be the directory (tenant) id of the Microsoft Entra tenant (a GUID,"
          + " or a domain such as contoso.onmicrosoft.com); it is empty");
    }
    if (!tenant.matches("[A-Za-z0-9.-]{1,256}")) {
      throw new NavSetupProblem("the login must be the directory (tenant) id of the Microsoft Entra tenant (a GUID,"
          + " or a domain such as contoso.onmicrosoft.com), which has only letters, digits, dots and dashes");
    }
    String clientId = null;
    String clientSecret = null;
    String password = target.password() == null ? "" : target.password();
    for (String part : password.split("&")) {
      int equals = part.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String name = part.substring(0, equals).trim().toLowerCase(Locale.ROOT);
      String value;
      try {
        value = URLDecoder.decode(part.substring(equals + 1).trim(), StandardCharsets.UTF_8).trim();
      } catch (IllegalArgumentException e) {
        throw new NavSetupProblem("the password's " + name + " is not URL-encoded correctly (a % must be followed"
            + " by two hexadecimal digits; write a literal % as %25)");
      }
      switch (name) {
        case "client_id" -> clientId = value;
        case "client_secret" -> clientSecret = value;
        default -> { } // other parts are not ours
      }
    }
    List<String> missing = new ArrayList<>();
    if (clientId == null || clientId.isEmpty()) {
      missing.add("client_id");
    }
    if (clientSecret == null || clientSecret.isEmpty()) {
      missing.add("client_secret");
    }
    if (!missing.isEmpty()) {
      throw new NavSetupProblem("the password must be " + FORM + "; " + (password.isBlank() ? "it is empty"
          : "it has no " + String.join(" and no ", missing)));
    }
    return new BcCredentials(tenant, clientId, clientSecret,
        type == Authentication.OAUTH2_CLIENT_CREDENTIALS_BASIC);
  }

  /** For messages: never the secret. */
  String describe() {
    return "the app (client id) " + clientId + " in the tenant " + tenant;
  }

  /** For a connection check: who, and how the secret goes to the token endpoint (never the secret). */
  String describeSignIn() {
    return describe() + (basic ? ", sent as HTTP Basic" : ", sent in the token request's body");
  }

  @Override
  public String toString() {
    return "BcCredentials[" + describe() + (basic ? ", Basic" : ", in the body") + "]";
  }
}
