package org.planbridge.connector.boundary;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.planbridge.connector.control.SecretKeyRotation;
import org.planbridge.connector.control.SecretUnavailable;
import org.planbridge.platform.control.Database;
import org.planbridge.platform.control.Failures;

/**
 * The command line of the secret key rotation ({@link SecretKeyRotation}): {@code ./mvnw -q -Protate-secret-key}
 * with every instance stopped, or {@code -Dexec.args=--dry-run} at any time. Everything comes from the environment,
 * never from the command line, where {@code ps} would show the keys: {@code PLANBRIDGE_SECRET_KEY} (the old key),
 * {@code PLANBRIDGE_NEW_SECRET_KEY} and the database's {@code PLANBRIDGE_DB_URL}, {@code PLANBRIDGE_DB_USER} and
 * {@code PLANBRIDGE_DB_PASSWORD}. The URL has no default, so that a forgotten variable cannot rotate another
 * database. Exit code 0 when done, 1 when refused or failed (nothing changed), 2 for an unknown argument.
 *
 * <p>In the WAR, but never run by the server: it only uses the JDK's JDBC, with the driver on the class path.
 */
public final class SecretKeyRotationCommand {

  static final String DRY_RUN = "--dry-run";

  private SecretKeyRotationCommand() {}

  public static void main(String[] args) {
    int code = run(List.of(args), System.getenv(), System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
    if (!args.stream().allMatch(DRY_RUN::equals)) {
      err.println("Unknown argument; the only one is " + DRY_RUN + " (the keys and the database come from the"
          + " environment, see docs/OPERATIONS.md).");
      return 2;
    }
    boolean dryRun = args.contains(DRY_RUN);
    String url = environment.get("PLANBRIDGE_DB_URL");
    if (url == null || url.isBlank()) {
      err.println("PLANBRIDGE_DB_URL is not set: set it to the JDBC URL of PlanBridge's database.");
      return 1;
    }
    String user = environment.getOrDefault("PLANBRIDGE_DB_USER", "planbridge");
    try {
      SecretKeyRotation rotation = SecretKeyRotation.of(environment.get("PLANBRIDGE_SECRET_KEY"),
          environment.get("PLANBRIDGE_NEW_SECRET_KEY"), dryRun);
      out.println("Database " + Database.displayUrl(url) + " as " + user + (dryRun ? " (dry run)" : ""));
      SecretKeyRotation.Result result;
      try (Connection connection = DriverManager.getConnection(url, user,
          environment.getOrDefault("PLANBRIDGE_DB_PASSWORD", "planbridge"))) {
        result = rotation.run(connection);
      }
      out.println(summary(result));
      return 0;
    } catch (SecretUnavailable e) {
      err.println(e.getMessage());
    } catch (SQLException | RuntimeException e) {
      err.println("The database failed, so nothing was changed: " + Failures.rootMessage(e));
    }
    return 1;
  }

  static String summary(SecretKeyRotation.Result result) {
    String without = counted(result.withoutPassword(), "connector") + " without a password left as "
        + (result.withoutPassword() == 1 ? "it was" : "they were");
    return result.dryRun()
        ? "Every stored connector password (" + result.passwords() + ") decrypts with PLANBRIDGE_SECRET_KEY ("
            + without + "). Nothing was changed."
        : "Re-encrypted " + counted(result.passwords(), "connector password") + " with PLANBRIDGE_NEW_SECRET_KEY in"
            + " one transaction (" + without + "). Start every instance with the new key as PLANBRIDGE_SECRET_KEY.";
  }

  private static String counted(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
