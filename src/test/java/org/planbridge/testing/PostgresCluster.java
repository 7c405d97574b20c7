package org.planbridge.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local PostgreSQL cluster the tests use, stopped and started for real through Debian's
 * {@code pg_ctlcluster} (as root, in CI). Found by the port of the test database's JDBC URL in
 * {@code pg_lsclusters}, or else the newest version under /usr/lib/postgresql.
 */
public final class PostgresCluster {

  private final String version;
  private final String cluster;

  private PostgresCluster(String version, String cluster) {
    this.version = version;
    this.cluster = cluster;
  }

  /** The cluster behind {@code jdbcUrl}, when it is local and this process may control it. */
  public static Optional<PostgresCluster> of(String jdbcUrl) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String host = uri.getHost() == null ? "localhost" : uri.getHost();
    if (!List.of("localhost", "127.0.0.1", "::1", "[::1]").contains(host) || !"root".equals(System.getProperty("user.name"))
        || !Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster"))) {
      return Optional.empty();
    }
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    try {
      for (String line : run(30, "pg_lsclusters", "--no-header").lines().toList()) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length >= 3 && fields[2].equals(String.valueOf(port))) {
          return Optional.of(new PostgresCluster(fields[0], fields[1]));
        }
      }
      try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
        return versions.map(p -> p.getFileName().toString()).filter(v -> v.matches("\\d+"))
            .max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
            .map(v -> new PostgresCluster(v, "main"));
      }
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Fast shutdown: active transactions are rolled back and every client is disconnected. */
  public void stop() throws IOException {
    run(60, "pg_ctlcluster", "--skip-systemctl-redirect", version, cluster, "stop", "-m", "fast");
  }

  public void start() throws IOException {
    run(60, "pg_ctlcluster", "--skip-systemctl-redirect", version, cluster, "start");
  }

  /** Starts the cluster unless it runs already; for finally blocks. */
  public void ensureRunning() throws IOException {
    if (!online()) {
      start();
    }
  }

  public boolean online() throws IOException {
    return run(30, "pg_lsclusters", "--no-header").lines()
        .map(line -> line.trim().split("\\s+"))
        .anyMatch(f -> f.length >= 4 && f[0].equals(version) && f[1].equals(cluster) && f[3].equals("online"));
  }

  @Override
  public String toString() {
    return "PostgreSQL " + version + "/" + cluster;
  }

  private static String run(int timeoutSeconds, String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + ": no end within " + timeoutSeconds + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": " + output.trim());
    }
    return output;
  }
}
