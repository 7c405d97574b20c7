package org.planbridge.backoffice.nav;

import java.util.Locale;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.bconline.EntraTokens;
import org.planbridge.connector.entity.Authentication;

/**
 * Who a NAV/BC SOAP connector logs in as, read from its login, password and authentication type the way
 * Dime.Scheduler's connector rows hold them: no type means Windows, unless the login starts with
 * {@code basic=} (then Basic with the rest of the login). A Windows login is {@code DOMAIN}&#92;{@code user},
 * {@code user@domain} (sent as is, with no domain: Windows takes the UPN form) or {@code user}. Business Central
 * online's is a Bearer token ({@link #bearer}).
 *
 * @param tokens the Bearer tokens of a {@link Kind#BEARER} login, else null
 */
record NavLogin(Kind kind, String user, String domain, String password, EntraTokens tokens) {

  enum Kind {
    /** No Authorization header at all. */
    NONE,
    /** NavUserPassword, or a web service access key as the password. */
    BASIC,
    /** NTLM, answered to {@code WWW-Authenticate: NTLM} or inside {@code Negotiate}. Never Basic. */
    WINDOWS,
    /** Business Central online: {@code Authorization: Bearer} with a token from Entra ID, on every request. */
    BEARER
  }

  private static final String BASIC_PREFIX = "basic=";

  NavLogin(Kind kind, String user, String domain, String password) {
    this(kind, user, domain, password, null);
  }

  /** Business Central online's login: a token of the connector's client credentials on each request. */
  static NavLogin bearer(EntraTokens tokens) {
    return new NavLogin(Kind.BEARER, tokens.describe(), null, null, tokens);
  }

  /** @throws NavSetupProblem when the connector's settings cannot make a login */
  static NavLogin of(Target target) throws NavSetupProblem {
    String login = target.login() == null ? "" : target.login().trim();
    String password = target.password() == null ? "" : target.password();
    boolean prefixed = login.toLowerCase(Locale.ROOT).startsWith(BASIC_PREFIX);
    if (prefixed) {
      login = login.substring(BASIC_PREFIX.length()).trim();
    }
    Authentication type = target.authentication();
    if (type == null) {
      type = prefixed ? Authentication.BASIC : Authentication.WINDOWS;
    }
    if (type.isOAuth()) {
      throw new NavSetupProblem("the authentication type " + type + " is Business Central online's OAuth2; a "
          + target.system() + " SOAP connector uses WINDOWS, NTLM, BASIC or NONE");
    }
    if (type == Authentication.NONE) {
      return new NavLogin(Kind.NONE, null, null, null);
    }
    if (login.isEmpty() && password.isEmpty()) {
      throw new NavSetupProblem.CredentialsRequired("credentials are required: " + (type == Authentication.BASIC
          ? "Basic authentication needs the NAV user name and its password or web service access key"
          : "PlanBridge runs on " + System.getProperty("os.name") + ", where it cannot log in as the identity of"
              + " the server process; give the Windows login (DOMAIN\\user) and password"));
    }
    if (type == Authentication.BASIC) {
      return new NavLogin(Kind.BASIC, login, null, password);
    }
    int backslash = login.indexOf('\\');
    if (backslash >= 0) {
      return new NavLogin(Kind.WINDOWS, login.substring(backslash + 1), login.substring(0, backslash), password);
    }
    return new NavLogin(Kind.WINDOWS, login, "", password);
  }

  /** The login as an administrator wrote it, for messages: never the password. */
  String describe() {
    return switch (kind) {
      case NONE -> "no authentication";
      case BASIC -> "Basic authentication as '" + user + "'";
      case WINDOWS -> "Windows authentication (NTLM) as '" + (domain.isEmpty() ? user : domain + "\\" + user) + "'";
      case BEARER -> "a Bearer token of " + user;
    };
  }

  @Override
  public String toString() {
    return "NavLogin[" + describe() + "]";
  }
}
