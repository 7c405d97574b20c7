package org.planbridge.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ConsoleClient;
import org.planbridge.testing.PlanBridgeProcess;
import org.planbridge.testing.TestDatabase;

/** PLANBRIDGE_CONSOLE_ENABLED=false: everything under /console answers 404, before any login; the API is as ever. */
class ConsoleSwitchIT {

  static PlanBridgeProcess server;

  @BeforeAll
  static void startWithoutTheConsole() throws Exception {
    server = PlanBridgeProcess.start("console-off", Map.of("PLANBRIDGE_CONSOLE_ENABLED", "false",
        "PLANBRIDGE_DB_URL", TestDatabase.own("consoleoff")))
        .awaitReady(Duration.ofMinutes(4));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theConsoleAnswers404AndTheApiWorks() throws Exception {
    ConsoleClient browser = new ConsoleClient(new URL(server.base()));
    for (String path : new String[] {"console/", "console/login.xhtml", "console/accounts.xhtml",
        "console/index.xhtml"}) {
      assertEquals(404, browser.get(path).status(), path);
    }
    assertEquals(404, browser.follow(browser.get("console")).status(), "/console, sent on to /console/ by the server");
    assertEquals(404, browser.post("console/login.xhtml", Map.of("login", "login", "login:username",
        ConsoleClient.ADMIN, "login:password", ConsoleClient.ADMIN_PASSWORD, "login:submit", "")).status(),
        "no login either");
    assertEquals(200, new ApiClient(new URL(server.base())).send("GET", "api/jobs?limit=1", (String) null).status());
  }
}
