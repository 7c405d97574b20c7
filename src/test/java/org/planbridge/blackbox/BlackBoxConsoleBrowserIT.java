package org.planbridge.blackbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.Browser;
import org.planbridge.testing.ConsoleClient;
import org.planbridge.testing.ServerUnderTest;

/**
 * The console in a real browser, as IT staff use it: log in, look around, manage an account, a viewer who can
 * change nothing, an account locked by failed logins. Screenshots of each page under target/screenshots/; any
 * Content-Security-Policy violation the browser reports fails the test.
 */
class BlackBoxConsoleBrowserIT {

  @Test
  void anAdminLogsInSeesTheDashboardAndCreatesAViewerWhoCanChangeNothing() {
    String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "pw-" + viewer + "-0123";
    try (Browser browser = Browser.open(ServerUnderTest.base())) {
      browser.go("/console/").screenshot(shot("login"));
      assertTrue(browser.path().startsWith("/console/login.xhtml"), browser.path());
      logIn(browser, ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
      assertTrue(browser.path().equals("/console/") || browser.path().startsWith("/console/index.xhtml"),
          browser.path());
      assertTrue(browser.text("user").contains(ConsoleClient.ADMIN), on());
      assertTrue(browser.pageText().contains("Backlog per Source App"), on());
      browser.screenshot(shot("dashboard"));

      browser.click("nav-accounts");
      browser.type("account:username", viewer).type("account:password", password).click("account:create");
      assertTrue(browser.pageText().contains("Account " + viewer + " created."), browser.pageText());
      assertTrue(browser.pageText().contains(viewer), on());
      browser.screenshot(shot("accounts"));
      browser.click("session:logout");
      assertTrue(browser.path().startsWith("/console/login.xhtml"), "logged out: " + browser.path());

      logIn(browser, viewer, password);
      assertTrue(browser.text("user").contains(viewer), on());
      assertFalse(browser.has("nav-accounts"), "a viewer is offered no accounts page");
      browser.screenshot(shot("viewer-dashboard"));
      browser.go("/console/accounts.xhtml");
      assertFalse(browser.has("account:create"), "a viewer gets no account form " + on());
      assertTrue(browser.pageText().contains("403") || browser.pageText().toLowerCase().contains("forbidden"),
          browser.pageText());
    }
  }

  @Test
  void fiveFailedLoginsLockAnAccountAndTheLoginPageSaysNothingMore() {
    String name = BlackBoxConsoleIT.account("operator");
    try (Browser browser = Browser.open(ServerUnderTest.base())) {
      for (int failure = 1; failure <= 5; failure++) {
        browser.go("/console/login.xhtml");
        logIn(browser, name, "wrong-password-" + failure);
        assertTrue(browser.pageText().contains(BlackBoxConsoleIT.REFUSED), browser.pageText());
      }
      browser.go("/console/login.xhtml");
      logIn(browser, name, BlackBoxConsoleIT.password(name));
      assertTrue(browser.path().startsWith("/console/login.xhtml"), "locked: " + browser.path());
      assertTrue(browser.pageText().contains(BlackBoxConsoleIT.REFUSED), browser.pageText());
      browser.screenshot(shot("login-refused"));
    }
  }

  static void logIn(Browser browser, String username, String password) {
    browser.type("login:username", username).type("login:password", password).click("login:submit");
  }

  static String shot(String page) {
    return ServerUnderTest.description().replaceAll("[^A-Za-z0-9-]", "_") + "-" + page;
  }

  static String on() {
    return "on " + ServerUnderTest.description();
  }
}
