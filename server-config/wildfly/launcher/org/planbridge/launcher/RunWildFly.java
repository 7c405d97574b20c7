package org.planbridge.launcher;

import java.nio.file.Path;

/**
 * Development launcher behind {@code ./mvnw -Prun-wildfly}: the settings of {@link Development}, checked, then the
 * WildFly the build unpacked, set up by {@code server-config/wildfly/configure.cli}, with the WAR, until Ctrl-C. The
 * instance runs from {@code target/wildfly-run/} (made anew at each start; its log is {@code log/server.log} there).
 * It runs in Maven's JVM (exec:java); it is not part of the WAR.
 *
 * <p>Arguments: the WildFly installation, the PostgreSQL driver and the WAR.
 */
public class RunWildFly {

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    Path postgresqlJar = Path.of(args[1]);
    Path war = Path.of(args[2]);
    Development settings = Development.checked("wildfly", "./mvnw -Prun-wildfly");
    WildFly wildFly = WildFly.configured(home, Path.of("server-config", "wildfly", "configure.cli"), postgresqlJar);
    Path base = wildFly.instance(Path.of("target", "wildfly-run").toAbsolutePath(), war);
    ProcessBuilder builder = wildFly.command(base, Integer.parseInt(settings.port), 0);
    settings.into(builder.environment());
    System.out.println("PlanBridge on WildFly: http://localhost:" + settings.port + "/api, readiness at"
        + " " + WildFly.readiness(0) + " (WildFly's management port)");
    Development.runUntilStopped(builder);
  }
}
