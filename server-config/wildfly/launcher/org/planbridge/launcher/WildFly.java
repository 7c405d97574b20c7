package org.planbridge.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A WildFly the build unpacked (from {@code org.wildfly:wildfly-dist} on Maven Central), set up by
 * {@code server-config/wildfly/configure.cli}, and the command line that runs PlanBridge on it. Used by
 * {@code ./mvnw -Prun-wildfly} ({@link RunWildFly}) and by the tests that start WildFly instances. Not part of the WAR.
 *
 * <p>The unpacked server's own {@code standalone.xml} is set up once (again when the script changed); each instance
 * runs from a folder of its own ({@code jboss.server.base.dir}: its copy of the configuration, its deployments, logs
 * and data), so several run side by side from one installation.
 */
public final class WildFly {

  /** The ports WildFly's standalone.xml binds, each moved by the port offset. */
  private static final int[] PORTS = {8080, 8443, 9990, 9993, 8009, 4712, 4713};
  private static final String CONFIGURED = "planbridge-configure.cli";
  private static final String DATASOURCE = "java:/jdbc/planbridge";

  private final Path home;

  private WildFly(Path home) {
    this.home = home;
  }

  /**
   * The installation at {@code home}, its {@code standalone.xml} set up by {@code script} (with the PostgreSQL
   * driver {@code postgresqlJar}) unless that very script already ran on it.
   */
  public static synchronized WildFly configured(Path home, Path script, Path postgresqlJar) throws IOException {
    if (!Files.isExecutable(home.resolve("bin/standalone.sh"))) {
      throw new IllegalStateException("no WildFly at " + home + ": build with ./mvnw (the build unpacks it)");
    }
    Path configuration = home.resolve("standalone/configuration");
    Path marker = configuration.resolve(CONFIGURED);
    String wanted = Files.readString(script);
    // The marker says which script set the configuration up; a fresh unpack brings back a plain standalone.xml.
    if (Files.exists(marker) && Files.readString(marker).equals(wanted)
        && Files.readString(configuration.resolve("standalone.xml")).contains(DATASOURCE)) {
      return new WildFly(home);
    }
    Path pristine = configuration.resolve("standalone.xml.pristine");
    if (!Files.exists(pristine)) {
      Files.copy(configuration.resolve("standalone.xml"), pristine);
    }
    Files.copy(pristine, configuration.resolve("standalone.xml"), StandardCopyOption.REPLACE_EXISTING);
    delete(home.resolve("modules/org/postgresql"));
    Path log = home.resolve("planbridge-configure.log");
    ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(),
        "--file=" + script.toAbsolutePath(), "-Dpostgresql.jar=" + postgresqlJar.toAbsolutePath())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process cli = builder.start();
    try {
      if (cli.waitFor() != 0) {
        throw new IllegalStateException(script + " failed on " + home + ": see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while setting up " + home, e);
    }
    Files.writeString(marker, wanted);
    return new WildFly(home);
  }

  /**
   * Makes {@code base} (emptied first) an instance folder: the server's configuration, and {@code war} deployed at
   * the root context (the WAR's jboss-web.xml says so). Answers {@code base}, ready for {@link #command}.
   */
  public Path instance(Path base, Path war) throws IOException {
    delete(base);
    Path configuration = Files.createDirectories(base.resolve("configuration"));
    try (Stream<Path> files = Files.list(home.resolve("standalone/configuration"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          Files.copy(file, configuration.resolve(file.getFileName()));
        }
      }
    }
    Path deployments = Files.createDirectories(base.resolve("deployments"));
    Files.copy(war, deployments.resolve("planbridge.war"));
    return base;
  }

  /** The command that runs the instance in {@code base} in the foreground, its ports moved by {@code offset}. */
  public ProcessBuilder command(Path base, int httpPort, int offset) {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
        "-Djboss.server.base.dir=" + base.toAbsolutePath(),
        "-Djboss.socket.binding.port-offset=" + offset,
        "-Djboss.http.port=" + (httpPort - offset)));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    // standalone.sh then passes SIGTERM on to the JVM (a normal stop) instead of leaving it running.
    environment.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    environment.put("JBOSS_JAVA_SIZING", "-Xms64m -Xmx768m -XX:MaxMetaspaceSize=512m");
    return builder;
  }

  /** A port offset whose every WildFly port is free now, searched from {@code from} upwards. */
  public static int freeOffset(int from) {
    for (int offset = from; offset < 40000; offset += 7) {
      if (allFree(offset)) {
        return offset;
      }
    }
    throw new IllegalStateException("no free set of WildFly ports");
  }

  /** The HTTP port with that offset (without {@code jboss.http.port}). */
  public static int httpPort(int offset) {
    return 8080 + offset;
  }

  /** MicroProfile Health's readiness, on the management port, with that offset. */
  public static URI readiness(int offset) {
    return URI.create("http://127.0.0.1:" + (9990 + offset) + "/health/ready");
  }

  private static boolean allFree(int offset) {
    for (int port : PORTS) {
      try (ServerSocket socket = new ServerSocket(port + offset)) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  static void delete(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
