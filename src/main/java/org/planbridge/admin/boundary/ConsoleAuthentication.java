package org.planbridge.admin.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.planbridge.admin.control.ConsoleSettings;

/**
 * How a person logs in to the console. The login page is PlanBridge's own, a Faces form whose post carries the
 * view state like every other ({@link LoginPage}); it hands the credentials to Jakarta Security, which calls this
 * mechanism, which checks them with {@link ConsoleIdentityStore}. The session then carries the identity
 * ({@link AutoApplySession}). A page that needs a role ({@code web.xml}'s security constraints), asked for without
 * a login, is sent to the login page, which comes back to it after the login. The console switched off answers 404
 * to everything under {@code /console}, before any redirect.
 *
 * <p>Not a built-in form mechanism, because of the switch and because the page to come back to is the login page's
 * parameter (checked to stay inside the console), not a request replayed from the session. The API is not
 * affected: its resources are not constrained, and it authenticates by API key in its own filter.
 */
@ApplicationScoped
@AutoApplySession
@DeclareRoles({"admin", "operator", "viewer"})
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

  public static final String LOGIN_PAGE = "/console/login.xhtml";
  public static final String START_PAGE = "/console/";

  @Inject IdentityStoreHandler identityStores;
  @Inject ConsoleSettings settings;

  @Override
  public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
      HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!settings.enabled() && (path.equals("/console") || path.startsWith("/console/"))) {
      try {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
      } catch (IOException e) {
        // the client has gone
      }
      return AuthenticationStatus.SEND_FAILURE;
    }
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return context.notifyContainerAboutLogin(identityStores.validate(credential));
    }
    if (context.isProtected()) {
      String back = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
      return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next="
          + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }
    return context.doNothing();
  }

  /** Where to go after a login: {@code next} when it is a console page, else the start page. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith(START_PAGE) || next.contains("//") || next.contains("\\")
        || next.startsWith(LOGIN_PAGE) || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return START_PAGE;
    }
    return next;
  }
}
