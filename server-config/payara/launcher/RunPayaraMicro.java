import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Development launcher behind {@code ./mvnw -Prun}: fills in the defaults for a first start (H2
 * under ./data, port 8080, a development API key, a development secret key for connector
 * passwords), checks that the database answers, then runs
 * Payara Micro with the WAR until Ctrl-C. It runs in Maven's JVM (exec:java); it is not part of the WAR.
 *
 * <p>Arguments: the folder holding payara-micro.jar and postgresql.jar, and the WAR.
 */
public class RunPayaraMicro {

  static final String DEV_API_KEY = "planbridge-dev-key";
  /** Public, so only for development: the passwords it encrypts are as safe as this source file. */
  static final String DEV_SECRET_KEY = "cGxhbmJyaWRnZS1kZXYtc2VjcmV0LWtleS0wMDAwMDA=";

  public static void main(String[] args) throws Exception {
    Path payaraDir = Path.of(args[0]);
    Path war = Path.of(args[1]);
    Path config = Path.of("server-config", "payara").toAbsolutePath();
    if (!Files.isDirectory(config)) {
      fail("run it from the project folder (./mvnw -Prun): " + config + " is missing");
    }

    String url = env("PLANBRIDGE_DB_URL", "jdbc:h2:file:./data/planbridge;AUTO_SERVER=TRUE");
    String user = env("PLANBRIDGE_DB_USER", "planbridge");
    String password = env("PLANBRIDGE_DB_PASSWORD", "planbridge");
    String port = env("PLANBRIDGE_HTTP_PORT", "8080");
    String dataSource = env("PLANBRIDGE_DB_DATASOURCE", dataSourceFor(url));
    if (dataSource == null) {
      fail("PLANBRIDGE_DB_URL " + url + " is neither an H2 nor a PostgreSQL JDBC URL;"
          + " set PLANBRIDGE_DB_DATASOURCE to the driver's DataSource class");
    }
    if (url.startsWith("jdbc:h2:file:./")) {
      Files.createDirectories(Path.of("data"));
    }
    checkDatabase(url, user, password);

    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", payaraDir.resolve("payara-micro.jar").toString(),
        "--deploy", war.toString(),
        "--contextroot", "/",
        "--port", port,
        "--nocluster",
        "--addLibs", payaraDir.resolve("postgresql.jar").toString(),
        "--prebootcommandfile", config.resolve("pre-boot-commands.asadmin").toString(),
        "--postbootcommandfile", config.resolve("post-boot-commands.asadmin").toString()));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    Map<String, String> environment = builder.environment();
    environment.put("PLANBRIDGE_DB_URL", url);
    environment.put("PLANBRIDGE_DB_USER", user);
    environment.put("PLANBRIDGE_DB_PASSWORD", password);
    environment.put("PLANBRIDGE_DB_DATASOURCE", dataSource);
    environment.put("PLANBRIDGE_HTTP_PORT", port);
    if (System.getenv("PLANBRIDGE_API_KEY") == null) {
      environment.put("PLANBRIDGE_API_KEY", DEV_API_KEY);
      environment.put("PLANBRIDGE_DEV_API_KEY", DEV_API_KEY);
    }
    String secretKey = System.getenv("PLANBRIDGE_SECRET_KEY");
    if (secretKey == null || secretKey.isBlank()) {
      environment.put("PLANBRIDGE_SECRET_KEY", DEV_SECRET_KEY);
      System.out.println("PLANBRIDGE_SECRET_KEY is not set: connector passwords are encrypted with the development"
          + " key. Set your own (openssl rand -base64 32) for real passwords.");
    }

    Process payara = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      payara.destroy();
      try {
        payara.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    System.exit(payara.waitFor());
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
