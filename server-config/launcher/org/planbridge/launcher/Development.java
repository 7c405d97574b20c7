package org.planbridge.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * What {@code ./mvnw -Prun} and {@code ./mvnw -Prun-wildfly} share: the defaults for a first start (H2 under ./data,
 * port 8080, a development API key, a development secret key for connector passwords, a generated password for the
 * console's first admin), read from the environment
 * with those defaults, and a check that the database answers before any server starts. Not part of the WAR.
 */
public final class Development {

  static final String DEV_API_KEY = "planbridge-dev-key";
  /** Public, so only for development: the passwords it encrypts are as safe as this source file. */
  static final String DEV_SECRET_KEY = "cGxhbmJyaWRnZS1kZXYtc2VjcmV0LWtleS0wMDAwMDA=";

  final String url = env("PLANBRIDGE_DB_URL", "jdbc:h2:file:./data/planbridge;AUTO_SERVER=TRUE");
  final String user = env("PLANBRIDGE_DB_USER", "planbridge");
  final String password = env("PLANBRIDGE_DB_PASSWORD", "planbridge");
  final String port = env("PLANBRIDGE_HTTP_PORT", "8080");
  final String dataSource = env("PLANBRIDGE_DB_DATASOURCE", dataSourceFor(url));

  /**
   * The settings, checked: the project folder (with {@code server-config/<server>}), a known database, one that
   * answers. Exits with one line if not, naming {@code command}, the way to start it.
   */
  static Development checked(String server, String command) throws IOException {
    Path config = Path.of("server-config", server);
    if (!Files.isDirectory(config)) {
      fail("run it from the project folder (" + command + "): " + config.toAbsolutePath() + " is missing");
    }
    Development settings = new Development();
    if (settings.dataSource == null) {
      fail("PLANBRIDGE_DB_URL " + settings.url + " is neither an H2 nor a PostgreSQL JDBC URL;"
          + " set PLANBRIDGE_DB_DATASOURCE to the driver's DataSource class");
    }
    if (settings.url.startsWith("jdbc:h2:file:./")) {
      Files.createDirectories(Path.of("data"));
    }
    checkDatabase(settings.url, settings.user, settings.password);
    return settings;
  }

  /** Puts the settings, and the development keys where none are set, into a server's environment. */
  void into(Map<String, String> environment) {
    environment.put("PLANBRIDGE_DB_URL", url);
    environment.put("PLANBRIDGE_DB_USER", user);
    environment.put("PLANBRIDGE_DB_PASSWORD", password);
    environment.put("PLANBRIDGE_DB_DATASOURCE", dataSource);
    environment.put("PLANBRIDGE_HTTP_PORT", port);
    if (System.getenv("PLANBRIDGE_API_KEY") == null) {
      environment.put("PLANBRIDGE_API_KEY", DEV_API_KEY);
      environment.put("PLANBRIDGE_DEV_API_KEY", DEV_API_KEY);
    }
    consoleAdmin(environment);
    String secretKey = System.getenv("PLANBRIDGE_SECRET_KEY");
    if (secretKey == null || secretKey.isBlank()) {
      environment.put("PLANBRIDGE_SECRET_KEY", DEV_SECRET_KEY);
      System.out.println("PLANBRIDGE_SECRET_KEY is not set: connector passwords are encrypted with the development"
          + " key. Set your own (openssl rand -base64 32) for real passwords.");
    }
  }

  /**
   * The console's first admin: on a database without console accounts and without PLANBRIDGE_ADMIN_PASSWORD, a
   * generated password, printed here once (not by the server, so that it is in no server log).
   */
  void consoleAdmin(Map<String, String> environment) {
    String console = "http://localhost:" + port + "/console/";
    if (!env("PLANBRIDGE_CONSOLE_ENABLED", "true").equalsIgnoreCase("true")) {
      return;
    }
    if (System.getenv("PLANBRIDGE_ADMIN_PASSWORD") != null || consoleAccounts() > 0) {
      System.out.println("Console: " + console + " (log in with your console account)");
      return;
    }
    // Letters and digits only (20 of 62: 119 bits), so that it copies cleanly and never looks like an option.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder generated = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      generated.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    String password = generated.toString();
    environment.put("PLANBRIDGE_ADMIN_PASSWORD", password);
    System.out.println("Console: " + console + " log in as " + env("PLANBRIDGE_ADMIN_USER", "admin")
        + " with the password " + password + " (generated for this first start and shown only now: change it in"
        + " the console: your name at the top of every page)");
  }

  /** How many console accounts the database has; 0 before PlanBridge first migrated it. */
  long consoleAccounts() {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        var query = connection.createStatement();
        var count = query.executeQuery("SELECT COUNT(*) FROM console_account")) {
      count.next();
      return count.getLong(1);
    } catch (SQLException noTableYet) {
      return 0;
    }
  }

  /** Runs the server until it ends or Ctrl-C stops it (then stops the server too), and exits with its code. */
  static void runUntilStopped(ProcessBuilder builder) throws IOException, InterruptedException {
    Process server = builder.inheritIO().start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.destroy();
      try {
        server.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    System.exit(server.waitFor());
  }

  static String dataSourceFor(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return "org.h2.jdbcx.JdbcDataSource";
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return "org.postgresql.ds.PGSimpleDataSource";
    }
    return null;
  }

  static void checkDatabase(String url, String user, String password) {
    DriverManager.setLoginTimeout(10);
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      connection.isValid(5);
    } catch (SQLException e) {
      fail("cannot connect to the database " + url + " as " + user + ": " + firstLine(e.getMessage()));
    }
  }

  static String firstLine(String message) {
    return message == null ? "no detail" : message.lines().findFirst().orElse(message);
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static void fail(String message) {
    System.err.println("PlanBridge cannot start: " + message);
    System.exit(2);
  }
}
