package org.planbridge.admin.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.planbridge.admin.control.Account;
import org.planbridge.admin.control.Accounts;
import org.planbridge.admin.control.ConsoleSettings;

/**
 * The console's sessions. Their idle timeout is PLANBRIDGE_CONSOLE_SESSION_MINUTES (30), their cookie SameSite=Strict:
 * a request another site makes the browser send carries no console session (Payara ignores the attribute: its
 * {@code glassfish-web.xml} says the same). HttpOnly and cookies-only are {@code web.xml}'s. Secure: the server's
 * own choice (Secure when the request came over HTTPS), or always with PLANBRIDGE_CONSOLE_SECURE_COOKIE=true. Only the
 * console opens sessions: the API is stateless.
 *
 * <p>A session stands only while its account does as it was at the login: an account disabled, deleted, given a
 * new password or another role ends every session begun before (on every instance, since each request looks at the
 * account in the database). A user who changes their own password keeps the session they did it in.
 */
@WebListener
public class ConsoleSessions implements ServletContextListener {

  static final String BEGUN = "planbridge.console.begun";

  @Inject ConsoleSettings settings;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    event.getServletContext().setSessionTimeout(settings.sessionMinutes());
    event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Strict");
    if (settings.secureCookie()) {
      event.getServletContext().getSessionCookieConfig().setSecure(true);
    }
  }

  /** Marks the session as begun now: at the login, and when the user changes their own password in it. */
  static void begun(HttpServletRequest request) {
    request.getSession().setAttribute(BEGUN, OffsetDateTime.now(ZoneOffset.UTC));
  }

  /** Whether the caller's session still stands (see above); true for a request nobody is logged in to. */
  static boolean stands(HttpServletRequest request, Accounts accounts) {
    if (request.getUserPrincipal() == null) {
      return true;
    }
    HttpSession session = request.getSession(false);
    Object begun = session == null ? null : session.getAttribute(BEGUN);
    Optional<Account> account = accounts.find(request.getUserPrincipal().getName());
    return begun instanceof OffsetDateTime since && account.isPresent() && account.get().enabled()
        && request.isUserInRole(account.get().role().roleName()) && !account.get().updatedAt().isAfter(since);
  }
}
