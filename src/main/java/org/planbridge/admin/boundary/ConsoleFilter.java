package org.planbridge.admin.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jakarta.servlet.http.HttpSession;
import org.planbridge.admin.control.Accounts;
import org.planbridge.admin.control.ConsoleSettings;

/**
 * Every response under {@code /console}: 404 when the console is switched off (PLANBRIDGE_CONSOLE_ENABLED=false),
 * else the security headers. The Content-Security-Policy of the Faces pages is PrimeFaces' (its CSP mode adds a
 * nonce per response to the policy {@code web.xml} gives it, {@code primefaces.CSP_POLICY}); everything else under
 * {@code /console} gets {@link #OTHER_POLICY}. A session that no longer stands ({@link ConsoleSessions#stands}) is
 * ended here and the browser sent to the login page, which says why.
 */
@WebFilter(urlPatterns = {"/console/*", "/jakarta.faces.resource/*"})
public class ConsoleFilter extends HttpFilter {

  static final String OTHER_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  @Inject ConsoleSettings settings;
  @Inject Accounts accounts;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!settings.enabled()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("X-Frame-Options", "DENY");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/console")) {
      response.setHeader("Cache-Control", "no-store");
      if (!path.endsWith(".xhtml") && !path.equals("/console/") && !path.equals("/console")) {
        response.setHeader("Content-Security-Policy", OTHER_POLICY);
      }
      if (!ConsoleSessions.stands(request, accounts)) {
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        request.logout();
        response.sendRedirect(request.getContextPath() + ConsoleAuthentication.LOGIN_PAGE + "?ended=true");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
