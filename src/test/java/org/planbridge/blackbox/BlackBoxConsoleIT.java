package org.planbridge.blackbox;

import static org.awaitility.Awaitility.await;
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
    assertTrue(!cookie.matches(".*;\\s*secure(;.*|$)"), "over plain HTTP the server does not mark it Secure: "
        + cookie);
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
  void aUserChangesTheirOwnPasswordKeepsThisSessionAndTheirOtherSessionsEnd() {
    String name = account("viewer");
    ConsoleClient here = new ConsoleClient(ServerUnderTest.base());
    ConsoleClient elsewhere = new ConsoleClient(ServerUnderTest.base());
    assertEquals(302, here.login(name, password(name)).status());
    assertEquals(302, elsewhere.login(name, password(name)).status());
    Page form = here.get("console/password.xhtml");
    assertEquals(200, form.status(), "every role may change its own password " + on());

    String next = password(name) + "-mine";
    Page differ = here.submit(form, "password", Map.of("current", password(name), "new", next,
        "repeated", next + "x"), "change");
    assertTrue(differ.body().contains("repeated: the two new passwords differ"), differ.body());
    Page wrong = here.submit(differ, "password", Map.of("current", "not-my-password", "new", next,
        "repeated", next), "change");
    assertTrue(wrong.body().contains("current: this is not your current password"), wrong.body());
    Page changed = here.submit(wrong, "password", Map.of("current", password(name), "new", next, "repeated", next),
        "change");
    assertTrue(changed.body().contains("Your password is changed."), changed.body());

    assertEquals(200, here.get("console/").status(), "the session the change was made in goes on");
    Page ended = elsewhere.get("console/");
    assertEquals(302, ended.status(), "the other session has ended " + on());
    assertTrue(ended.header("Location").contains("/console/login.xhtml?ended=true"), ended.header("Location"));
    assertTrue(elsewhere.follow(ended).body().contains("Your session has ended"), "the login page says why");
    assertEquals(200, new ConsoleClient(ServerUnderTest.base()).login(name, password(name)).status(),
        "the old password is refused");
    assertEquals(302, new ConsoleClient(ServerUnderTest.base()).login(name, next).status(), "the new one works");
  }

  @Test
  void anAccountDisabledByAnAdminIsLoggedOutOfTheSessionItHas() {
    String name = account("operator");
    ConsoleClient operator = new ConsoleClient(ServerUnderTest.base());
    assertEquals(302, operator.login(name, password(name)).status());
    assertEquals(200, operator.get("console/errors.xhtml").status());

    ConsoleClient admin = admin();
    Page accounts = admin.get("console/accounts.xhtml");
    Page disabled = admin.submit(accounts, "accounts", Map.of(), rowButton(accounts, name, "disable"));
    assertTrue(disabled.body().contains("Account " + name + " disabled."), disabled.body());

    Page after = operator.get("console/errors.xhtml");
    assertEquals(302, after.status(), "a disabled account's session ends at its next request " + on());
    assertTrue(after.header("Location").contains("ended=true"), after.header("Location"));
    assertEquals(302, operator.get("console/errors.xhtml").status(), "and stays ended");
  }

  /** The id, inside its form, of {@code button} in the accounts table's row of {@code name}. */
  static String rowButton(Page accounts, String name, String button) {
    java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr[^>]*>(?:(?!</tr>).)*>" + name
        + "<(?:(?!</tr>).)*?id=\"accounts:(list:\\d+:" + button + ")\"", java.util.regex.Pattern.DOTALL)
        .matcher(accounts.body());
    assertTrue(row.find(), "a " + button + " button in the row of " + name);
    return row.group(1);
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
    String instance = status.body().replaceAll("(?s).*id=\"instance\">([^<]*)<.*", "$1");
    await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
      String instances = viewer.get("console/status.xhtml").body()
          .replaceAll("(?s).*(<div id=\"instances\".*?</table>).*", "$1");
      return instances.contains(">" + instance + "<") && instances.contains(">alive<");
    });
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
