package org.planbridge.admin.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.planbridge.admin.control.ConsoleSettings;

/**
 * The session's idle timeout, PLANBRIDGE_CONSOLE_SESSION_MINUTES (30), and its cookie's SameSite=Strict: a request
 * another site makes the browser send carries no console session (Payara ignores the attribute: its
 * {@code glassfish-web.xml} says the same). HttpOnly and cookies-only are {@code web.xml}'s.
 * Only the console opens sessions: the API is stateless.
 */
@WebListener
public class ConsoleSessions implements ServletContextListener {

  @Inject ConsoleSettings settings;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    event.getServletContext().setSessionTimeout(settings.sessionMinutes());
    event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Strict");
  }
}
