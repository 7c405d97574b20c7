package org.planbridge.testing;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.planbridge.testing.PlanBridgeProcess.Server;

/**
 * The PlanBridge the black-box suite ({@code org.planbridge.blackbox}) talks to over HTTP, and nothing else: one
 * per test JVM, started on first use and stopped when the JVM ends.
 *
 * <ul>
 *   <li>{@code -Dit.server=payara-micro} (the default) or {@code wildfly}: an instance of that server, started from
 *       the WAR this build packaged, on a database of its own, empty at the start ({@link TestDatabase#own}: H2
 *       {@code target/it-db/blackbox}, or the PostgreSQL schema {@code blackbox}), so no other test's instance
 *       drains its work.
 *   <li>{@code -Dit.server.url=http://host:port/}: one started otherwise (a full Payara Server, by
 *       {@code scripts/payara-server-recipe.sh}), its readiness at {@code -Dit.server.readiness} (default
 *       {@code <url>health/ready}).
 * </ul>
 */
public final class ServerUnderTest {

  private static final Duration BOOT = Duration.ofMinutes(4);
  private static URL base;
  private static URI readiness;
  private static String description;

  private ServerUnderTest() {}

  /** The server's base URL ({@code http://host:port/}), started if need be. */
  public static synchronized URL base() {
    if (base == null) {
      start();
    }
    return base;
  }

  /** Its MicroProfile Health readiness URL (on WildFly: its management port). */
  public static synchronized URI readiness() {
    base();
    return readiness;
  }

  /** Which server it is, for messages: {@code payara-micro}, {@code wildfly} or the URL given. */
  public static synchronized String description() {
    base();
    return description;
  }

  public static ApiClient api() {
    return new ApiClient(base());
  }

  private static void start() {
    String url = System.getProperty("it.server.url", "");
    try {
      if (!url.isBlank()) {
        base = new URL(url.endsWith("/") ? url : url + "/");
        String health = System.getProperty("it.server.readiness", "");
        readiness = URI.create(health.isBlank() ? base + "health/ready" : health);
        description = url;
        return;
      }
      Server server = Server.named(System.getProperty("it.server", "payara-micro"));
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("PLANBRIDGE_DB_URL", TestDatabase.own("blackbox"));
      PlanBridgeProcess process = PlanBridgeProcess.start(server, "blackbox-" + server.name().toLowerCase(),
          settings).awaitReady(BOOT);
      base = new URL(process.base());
      readiness = process.readiness();
      description = server.name().toLowerCase().replace('_', '-');
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("it.server.url " + url + " is not a URL", e);
    } catch (Exception e) {
      throw new IllegalStateException("the server under test did not start: " + e.getMessage(), e);
    }
  }
}
