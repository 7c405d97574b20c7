package org.planbridge.connector.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.planbridge.connector.control.SecretCipher;
import org.planbridge.platform.control.SchemaMigration;

/** The command as an operator runs it: the environment in, one line or a few out, an exit code. */
class SecretKeyRotationCommandTest {

  static final String OLD = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  static final String NEW = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

  final String url = "jdbc:h2:mem:command-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  final Map<String, String> environment = new HashMap<>(Map.of("PLANBRIDGE_DB_URL", url, "PLANBRIDGE_DB_USER", "sa",
      "PLANBRIDGE_DB_PASSWORD", "", "PLANBRIDGE_SECRET_KEY", OLD, "PLANBRIDGE_NEW_SECRET_KEY", NEW));
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  SecretKeyRotationCommandTest() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    h2.setUser("sa");
    SchemaMigration.migrate(h2);
    try (Connection connection = h2.getConnection(); var insert = connection.createStatement()) {
      insert.executeUpdate("INSERT INTO connector (name, source_app, password_cipher) VALUES ('BC prod', 'BC', '"
          + SecretCipher.withKey(OLD).encrypt("s3cret") + "')");
    }
  }

  @Test
  void aDryRunThenTheRotationThenARunWithTheOldKeyAgain() {
    assertEquals(0, run("--dry-run"), err.toString());
    assertTrue(printed().contains("(dry run)") && printed().contains("Every stored connector password (1) decrypts"),
        printed());

    assertEquals(0, run(), err.toString());
    assertTrue(printed().contains("Re-encrypted 1 connector password with"), printed());

    assertEquals(1, run(), "the passwords are under the new key now");
    assertTrue(printed().contains("connector 1 'BC prod' (Source App 'BC')"), printed());
    for (String secret : List.of(OLD, NEW, "s3cret")) {
      assertFalse(printed().contains(secret), printed());
    }
  }

  @Test
  void theDatabaseUrlHasNoDefaultAndTheOnlyArgumentIsDryRun() {
    environment.remove("PLANBRIDGE_DB_URL");
    assertEquals(1, run());
    assertTrue(printed().contains("PLANBRIDGE_DB_URL is not set"), printed());
    assertEquals(2, run("--old-key=" + OLD));
    assertFalse(printed().contains(OLD), printed());
  }

  @Test
  void aDatabaseThatFailsChangesNothingAndIsNamedWithoutItsPassword() {
    environment.put("PLANBRIDGE_DB_URL", "jdbc:h2:mem:elsewhere;IFEXISTS=TRUE;PASSWORD=hunter2");
    assertEquals(1, run());
    assertTrue(printed().contains("Database jdbc:h2:mem:elsewhere as sa"), printed());
    assertTrue(printed().contains("The database failed, so nothing was changed"), printed());
    assertFalse(printed().contains("hunter2"), printed());
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return SecretKeyRotationCommand.run(List.of(args), environment, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }
}
