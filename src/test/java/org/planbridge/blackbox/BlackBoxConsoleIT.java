package org.planbridge.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ConsoleClient;
import org.planbridge.testing.ConsoleClient.Page;
import org.planbridge.testing.ServerUnderTest;

/**
 * The console's security over plain HTTP, as someone probing it by hand would meet it: the login, the session, the
 * roles, forged and stale posts, the headers. The pages themselves are driven in a browser by
 * {@code BlackBoxConsoleBrowserIT}.
 */
class BlackBoxConsoleIT {

  static final String REFUSED = "Unknown user or wrong password.";

  @Test
  void aPageAskedForWithoutALoginSendsToTheLoginPageWhichComesBackToItAfterwards() {
    ConsoleClient browser = new ConsoleClient(ServerUnderTest.base());
    Page asked = browser.get("console/accounts.xhtml");
    assertEquals(302, asked.status(), on());
    assertTrue(asked.header("Location").contains("/console/login.xhtml?next=%2Fconsole%2Faccounts.xhtml"),
        asked.header("Location"));

    Page form = browser.follow(asked);
    Page login = browser.submit(form, "login", Map.of("username", ConsoleClient.ADMIN,
        "password", ConsoleClient.ADMIN_PASSWORD, "next", "/console/accounts.xhtml"), "submit");
    assertEquals(302, login.status(), login.body());
    assertTrue(login.header("Location").endsWith("/console/accounts.xhtml"), login.header("Location"));
    Page accounts = browser.follow(login);
    assertEquals(200, accounts.status(), on());
    assertTrue(accounts.body().contains(">admin<"), "the accounts page lists the admin " + on());
  }

  @Test
  void theLoginGoesNowhereOutsideTheConsole() {
    for (String next : new String[] {"https://evil.example/", "//evil.example/console/", "/api/jobs"}) {
      ConsoleClient browser = new ConsoleClient(ServerUnderTest.base());
      Page form = browser.get("console/login.xhtml");
      Page login = browser.submit(form, "login", Map.of("username", ConsoleClient.ADMIN,
          "password", ConsoleClient.ADMIN_PASSWORD, "next", next), "submit");
      assertEquals(302, login.status(), next);
      assertTrue(login.header("Location").matches("https?://[^/]+/console/"), next + " -> " + login.header("Location"));
    }
  }

  @Test
  void theLoginPageSendsTheSecurityHeadersAndALockedDownSessionCookie() {
    Page page = new ConsoleClient(ServerUnderTest.base()).get("console/login.xhtml");
    assertEquals(200, page.status(), on());
    String policy = page.header("Content-Security-Policy");
    String scripts = policy.replaceAll(".*script-src([^;]*).*", "$1");
    assertTrue(scripts.contains("'nonce-"), "scripts need the response's nonce: " + policy);
    assertFalse(scripts.contains("unsafe-inline") || scripts.contains("unsafe-eval"), policy);
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    String nonce = scripts.replaceAll(".*'nonce-([^']+)'.*", "$1");
    assertTrue(page.body().contains("<script") && !page.body().matches("(?s).*<script(?![^>]*nonce=\"" + nonce
        + "\")[^>]*>.*"), "every script of the page carries the nonce");
    assertEquals("nosniff", page.header("X-Content-Type-Options"), on());
    assertEquals("same-origin", page.header("Referrer-Policy"), on());
    String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .findFirst().orElse("").toLowerCase(Locale.ROOT);
    assertTrue(cookie.contains("httponly") && cookie.contains("samesite=strict"), cookie + " " + on());
  }

  @Test
  void theSessionIdChangesAtTheLogin() {
    ConsoleClient browser = new ConsoleClient(ServerUnderTest.base());
    Page form = browser.get("console/login.xhtml");
    String before = browser.session();
    assertNotNull(before, "the login form opened a session " + on());
    Page login = browser.submit(form, "login", Map.of("username", ConsoleClient.ADMIN,
        "password", ConsoleClient.ADMIN_PASSWORD, "next", ""), "submit");
    assertEquals(302, login.status(), login.body());
    assertNotEquals(before, browser.session(), "a session id known before the login is worth nothing after it");
    assertEquals(200, browser.get("console/").status(), on());
  }

  @Test
  void anUnknownUserAWrongPasswordAndALockedAccountAllGetTheSameAnswer() {
    String name = account("viewer");
    Page unknown = new ConsoleClient(ServerUnderTest.base()).login("nobody-" + name, "whatever-password");
    Page wrong = new ConsoleClient(ServerUnderTest.base()).login(name, "wrong-password-1");
    assertEquals(200, unknown.status());
    assertTrue(unknown.body().contains(REFUSED), unknown.body());
    assertEquals(messages(unknown), messages(wrong));
    for (int failure = 2; failure <= 5; failure++) {
      assertTrue(new ConsoleClient(ServerUnderTest.base()).login(name, "wrong-password-" + failure).body()
          .contains(REFUSED));
    }
    Page locked = new ConsoleClient(ServerUnderTest.base()).login(name, password(name));
    assertEquals(200, locked.status(), "after 5 failures even the right password is refused " + on());
    assertEquals(messages(unknown), messages(locked));

    ConsoleClient admin = admin();
    Page accounts = admin.get("console/accounts.xhtml");
    assertTrue(accounts.body().contains("locked"), "the admin sees the lock");
    Page reset = admin.submit(accounts, "account", Map.of("username", name, "role_input", "viewer",
        "password", password(name) + "-new"), "reset");
    assertTrue(reset.body().contains("New password set for " + name), reset.body());
    assertEquals(302, new ConsoleClient(ServerUnderTest.base()).login(name, password(name) + "-new").status(),
        "a new password lifts the lock");
  }

  @Test
  void oddLoginInputIsRefusedLikeAnyOtherWrongLogin() {
    String[][] inputs = {{"x".repeat(10_000), "y".repeat(10_000)}, {"admin\r\nforged log line", "p"},
        {"' OR '1'='1", "' OR '1'='1"}, {"", ""}, {"\u0000admin", "\u0000"}, {"<script>alert(1)</script>", "x"}};
    for (String[] input : inputs) {
      Page page = new ConsoleClient(ServerUnderTest.base()).login(input[0], input[1]);
      String what = input[0].length() > 40 ? input[0].length() + " characters" : input[0];
      assertEquals(200, page.status(), what + " " + on());
      assertTrue(page.body().contains(REFUSED), what);
      assertFalse(page.body().contains("<script>alert(1)</script>"), "the page never echoes markup");
    }
  }

  @Test
  void aViewerSeesNoAccountsAndIsRefusedThemEvenByHand() {
    ConsoleClient viewer = loggedIn("viewer");
    Page dashboard = viewer.get("console/");
    assertEquals(200, dashboard.status(), on());
    assertFalse(dashboard.body().contains("nav-accounts"), "no link to the accounts for a viewer");
    assertEquals(403, viewer.get("console/accounts.xhtml").status(), on());
    String stolen = "stolen-" + UUID.randomUUID().toString().substring(0, 8);
    Page forged = viewer.post("console/accounts.xhtml", Map.of("account", "account", "account:username", stolen,
        "account:role", "admin", "account:password", "forged-password-1", "account:create", "",
        "jakarta.faces.ViewState", dashboard.viewState()));
    assertEquals(403, forged.status(), on());
    assertFalse(admin().get("console/accounts.xhtml").body().contains(stolen), "no account was created");
  }

  @Test
  void aPostWithoutItsViewStateOrWithAStaleOneChangesNothing() {
    ConsoleClient admin = admin();
    String name = "forged-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> fields = Map.of("account", "account", "account:username", name, "account:role", "admin",
        "account:password", "forged-password-1", "account:create", "");
    Page without = admin.post("console/accounts.xhtml", fields);
    assertTrue(without.status() < 500, "HTTP " + without.status() + " " + on());
    Map<String, String> stale = new java.util.HashMap<>(fields);
    stale.put("jakarta.faces.ViewState", "-123456789:987654321");
    Page expired = admin.post("console/accounts.xhtml", stale);
    assertTrue(expired.status() < 500, "HTTP " + expired.status() + " " + on());
    assertFalse(admin.get("console/accounts.xhtml").body().contains(name), "no account was created");
  }

  @Test
  void theStatusPageShowsThisInstancesChecksToEveryRole() {
    ConsoleClient viewer = loggedIn("viewer");
    Page dashboard = viewer.get("console/");
    assertTrue(dashboard.body().contains("nav-status"), "every page links to the status");
    Page status = viewer.get("console/status.xhtml");
    assertEquals(200, status.status(), on());
    assertTrue(status.body().contains("id=\"overall\" class=\"status\">UP<"), status.body());
    assertTrue(status.body().contains("(readiness): UP") && status.body().contains("(liveness): UP"), status.body());
    assertTrue(status.body().contains("lastDrainTick"), "the drain timer's last run " + on());
  }

  /** A new account of {@code role} with the password {@link #password}, created by the admin on the page. */
  static String account(String role) {
    String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
    ConsoleClient admin = admin();
    Page created = admin.submit(admin.get("console/accounts.xhtml"), "account", Map.of("username", name,
        "role_input", role, "password", password(name)), "create");
    assertTrue(created.body().contains("Account " + name + " created."), created.body());
    return name;
  }

  /** A browser logged in as a new account of {@code role}. */
  static ConsoleClient loggedIn(String role) {
    String name = account(role);
    ConsoleClient client = new ConsoleClient(ServerUnderTest.base());
    assertEquals(302, client.login(name, password(name)).status(), "the new " + role + " logs in " + on());
    return client;
  }

  static String password(String name) {
    return "pw-" + name + "-0123";
  }

  static ConsoleClient admin() {
    ConsoleClient admin = new ConsoleClient(ServerUnderTest.base());
    Page login = admin.login(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
    assertEquals(302, login.status(), "the admin logs in " + on() + ": " + login.body());
    return admin;
  }

  static String messages(Page page) {
    return page.body().replaceAll("(?s).*?(<div id=\"login:messages\".*?</div>).*", "$1");
  }

  static String on() {
    return "on " + ServerUnderTest.description();
  }
}
