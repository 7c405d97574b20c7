package bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The ceiling loop run inside the server's JVM: a Java agent the benchmark attaches to the running PlanBridge
 * ({@code VirtualMachine.loadAgent}), which posts the bodies to the stub with {@link CeilingLoop} and returns when all
 * were answered. The same JDK HTTP client classes as the engine's, compiled and profiled by the same JIT, next to
 * the same application server: what the plain loop costs there, without the outbox. One loop (and client) for all
 * rounds, as the engine keeps one.
 */
public final class CeilingAgent {

  private static CeilingLoop loop;
  private static List<CeilingLoop.Body> bodies;

  private CeilingAgent() {
  }

  /** {@code <stub URI>|<bodies file>|<concurrency>|<how many>}. */
  public static synchronized void agentmain(String arguments) throws Exception {
    String[] parts = arguments.split("\\|");
    if (loop == null) {
      loop = new CeilingLoop(URI.create(parts[0]));
      bodies = CeilingLoop.read(Path.of(parts[1]));
    }
    loop.post(bodies.subList(0, Integer.parseInt(parts[3])), Integer.parseInt(parts[2]));
  }

  /** The agent jar: this class, the loop's and its {@code Sender}, with the manifest entry the attach mechanism reads. */
  static Path jar(Path classes, Path work) throws java.io.IOException {
    Path jar = work.resolve("ceiling-agent.jar");
    java.util.jar.Manifest manifest = new java.util.jar.Manifest();
    manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Agent-Class", CeilingAgent.class.getName());
    try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar), manifest);
        var files = java.nio.file.Files.list(classes.resolve("bench"))) {
      String agentClasses = "(Ceiling(Agent|Loop)|Sender).*\\.class";
      for (Path file : files.filter(f -> f.getFileName().toString().matches(agentClasses)).toList()) {
        out.putNextEntry(new java.util.jar.JarEntry("bench/" + file.getFileName()));
        out.write(java.nio.file.Files.readAllBytes(file));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** Runs the loop in the JVM of process {@code pid} once: the first {@code count} bodies. */
  static void post(long pid, Path agentJar, URI stub, Path bodiesFile, int concurrency, int count) throws Exception {
    com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(String.valueOf(pid));
    try {
      vm.loadAgent(agentJar.toString(), stub + "|" + bodiesFile + "|" + concurrency + "|" + count);
    } finally {
      vm.detach();
    }
  }
}
