package org.planbridge.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * Development launcher behind {@code ./mvnw -Prun}: the settings of {@link Development}, checked, then Payara Micro
 * with the WAR until Ctrl-C. It runs in Maven's JVM (exec:java); it is not part of the WAR.
 *
 * <p>Arguments: the folder holding payara-micro.jar and postgresql.jar, and the WAR.
 */
public class RunPayaraMicro {

  public static void main(String[] args) throws Exception {
    Path payaraDir = Path.of(args[0]);
    Path war = Path.of(args[1]);
    Development settings = Development.checked("payara");
    Path config = Path.of("server-config", "payara").toAbsolutePath();
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", payaraDir.resolve("payara-micro.jar").toString(),
        "--deploy", war.toString(),
        "--contextroot", "/",
        "--port", settings.port,
        "--nocluster",
        "--addLibs", payaraDir.resolve("postgresql.jar").toString(),
        "--prebootcommandfile", config.resolve("pre-boot-commands.asadmin").toString(),
        "--postbootcommandfile", config.resolve("post-boot-commands.asadmin").toString()));
    settings.into(builder.environment());
    Development.runUntilStopped(builder);
  }
}
