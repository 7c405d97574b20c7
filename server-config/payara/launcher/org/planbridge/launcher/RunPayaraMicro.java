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
    Development settings = Development.checked("payara", "./mvnw -Prun");
    ProcessBuilder builder = new ProcessBuilder(
        PayaraMicro.command(payaraDir, war, Integer.parseInt(settings.port), List.of()));
    settings.into(builder.environment());
    Development.runUntilStopped(builder);
  }
}
