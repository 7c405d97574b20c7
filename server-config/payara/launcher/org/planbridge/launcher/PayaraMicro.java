package org.planbridge.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs PlanBridge on Payara Micro, in one place for {@code ./mvnw -Prun}
 * ({@link RunPayaraMicro}), the tests' instances ({@code testing.PlanBridgeProcess}) and the benchmarks
 * ({@code bench/Server.java}). Run from the project folder. Not part of the WAR.
 */
public final class PayaraMicro {

  private PayaraMicro() {}

  /**
   * {@code java <jvmOptions> -jar payara-micro.jar} on {@code port} without clustering and, unless {@code war} is
   * null (an empty server), {@code war} deployed at {@code /} with the PostgreSQL driver next to payara-micro.jar and
   * {@code server-config/payara}'s boot commands. A list the caller may add Payara Micro options to.
   */
  public static List<String> command(Path payaraDir, Path war, int port, List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", payaraDir.resolve("payara-micro.jar").toString(), "--port", String.valueOf(port),
        "--nocluster"));
    if (war != null) {
      Path config = Path.of("server-config", "payara").toAbsolutePath();
      command.addAll(List.of("--deploy", war.toString(), "--contextroot", "/",
          "--addLibs", payaraDir.resolve("postgresql.jar").toString(),
          "--prebootcommandfile", config.resolve("pre-boot-commands.asadmin").toString(),
          "--postbootcommandfile", config.resolve("post-boot-commands.asadmin").toString()));
    }
    return command;
  }
}
