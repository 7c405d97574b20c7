package org.planbridge.connector.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.planbridge.platform.control.SchemaMigration;

/** The rotation on H2, migrated as the server migrates it. */
class SecretKeyRotationTest {

  static final String KEY_A = SecretCipherTest.KEY;
  static final String KEY_B = SecretCipherTest.OTHER_KEY;
  static final String KEY_C = Base64.getEncoder().encodeToString("a third key, not used to rotate!".getBytes());

  final JdbcDataSource h2 = new JdbcDataSource();

  SecretKeyRotationTest() {
    h2.setURL("jdbc:h2:mem:rotation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    SchemaMigration.migrate(h2);
  }

  @Test
  void everyPasswordIsReEncryptedUnderTheNewKeyAndTheOldOneNoLongerReadsIt() throws SQLException {
    long bc = connector("BC", SecretCipher.withKey(KEY_A).encrypt("s3cret-bc"));
    long nav = connector("NAV", SecretCipher.withKey(KEY_A).encrypt("pässwörd 😀"));
    List<Long> without = List.of(connector("WEB", null), connector("EMPTY", ""), connector("BLANK", "  "));
    List<String> before = rows();

    SecretKeyRotation.Result result = rotate(KEY_A, KEY_B, false);

    assertEquals(new SecretKeyRotation.Result(2, 3, false), result);
    assertEquals("s3cret-bc", SecretCipher.withKey(KEY_B).reveal(cipherText(bc)));
    assertEquals("pässwörd 😀", SecretCipher.withKey(KEY_B).reveal(cipherText(nav)));
    assertThrows(SecretUnavailable.class, () -> SecretCipher.withKey(KEY_A).reveal(cipherText(bc)));
    List<String> after = rows();
    for (int i = 0; i < 2; i++) {
      assertNotEquals(before.get(i), after.get(i), "re-encrypted, with a new row version: " + after.get(i));
      assertTrue(rowVersion(after.get(i)) > rowVersion(before.get(i)), "caches keyed by version rebuild");
    }
    assertEquals(before.subList(2, 5), after.subList(2, 5), "connectors without a password are left as they were: "
        + without);
  }

  @Test
  void aPasswordTheOldKeyCannotReadChangesNothingAndTheRefusalNamesItsConnector() throws SQLException {
    String readable = SecretCipher.withKey(KEY_A).encrypt("s3cret-bc");
    String unreadable = SecretCipher.withKey(KEY_C).encrypt("s3cret-nav");
    connector("BC", readable);
    long nav = connector("NAV", unreadable);
    List<String> before = rows();

    SecretUnavailable refused = assertThrows(SecretUnavailable.class, () -> rotate(KEY_A, KEY_B, false));

    assertEquals(before, rows(), "nothing was written");
    String message = refused.getMessage();
    assertTrue(message.startsWith("1 of 2 stored connector passwords cannot be decrypted with PLANBRIDGE_SECRET_KEY,"
        + " so nothing was changed:"), message);
    assertTrue(message.contains("connector " + nav + " 'NAV connector' (Source App 'NAV')"), message);
    assertFalse(message.contains("'BC'"), "only the connectors that fail are named: " + message);
    for (String secret : List.of("s3cret", readable, unreadable, KEY_A, KEY_B, KEY_C)) {
      assertFalse(message.contains(secret), message);
    }
  }

  @Test
  void aDryRunChecksEveryPasswordAndWritesNothing() throws SQLException {
    connector("BC", SecretCipher.withKey(KEY_A).encrypt("s3cret-bc"));
    connector("WEB", null);
    List<String> before = rows();

    assertEquals(new SecretKeyRotation.Result(1, 1, true), rotate(KEY_A, null, true));
    assertEquals(new SecretKeyRotation.Result(1, 1, true), rotate(KEY_A, KEY_B, true));
    assertThrows(SecretUnavailable.class, () -> rotate(KEY_C, null, true), "the wrong key is found out");

    assertEquals(before, rows());
  }

  @Test
  void aFailureWhileWritingRollsBackThePasswordsAlreadyReEncrypted() throws SQLException {
    connector("BC", SecretCipher.withKey(KEY_A).encrypt("s3cret-bc"));
    long frozen = connector("FROZEN", SecretCipher.withKey(KEY_A).encrypt("s3cret-frozen"));
    execute("UPDATE connector SET updated_at = TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00' WHERE id = " + frozen);
    // The last row cannot be updated: the rotation fails after it wrote the first one.
    execute("ALTER TABLE connector ADD CONSTRAINT frozen CHECK (source_app <> 'FROZEN'"
        + " OR updated_at = TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00')");
    List<String> before = rows();

    assertThrows(SQLException.class, () -> rotate(KEY_A, KEY_B, false));

    assertEquals(before, rows(), "one transaction: the first row's new password was rolled back");
  }

  @Test
  void theKeysAreCheckedBeforeTheDatabaseIsReadAndNeverQuoted() {
    String notBase64 = "not-a-key-at-all!";
    assertMessage("No secret key is configured", () -> SecretKeyRotation.of(null, KEY_B, false));
    assertMessage("PLANBRIDGE_NEW_SECRET_KEY is not set", () -> SecretKeyRotation.of(KEY_A, " ", false));
    assertMessage("PLANBRIDGE_NEW_SECRET_KEY is not valid base64", () -> SecretKeyRotation.of(KEY_A, notBase64, false));
    assertMessage("PLANBRIDGE_NEW_SECRET_KEY is not valid base64", () -> SecretKeyRotation.of(KEY_A, notBase64, true));
    assertMessage("PLANBRIDGE_NEW_SECRET_KEY is the same key as PLANBRIDGE_SECRET_KEY",
        () -> SecretKeyRotation.of(KEY_A, " " + KEY_A, false));
    SecretKeyRotation.of(KEY_A, KEY_A, true); // a dry run only reads: the new key may be the old one
    String shortKey = Base64.getEncoder().encodeToString(new byte[8]);
    SecretUnavailable refused = assertMessage("PLANBRIDGE_NEW_SECRET_KEY decodes to 8 bytes",
        () -> SecretKeyRotation.of(KEY_A, shortKey, false));
    assertFalse(refused.getMessage().contains(shortKey) || refused.getMessage().contains(KEY_A));
  }

  private static SecretUnavailable assertMessage(String start, Runnable action) {
    SecretUnavailable refused = assertThrows(SecretUnavailable.class, action::run);
    assertTrue(refused.getMessage().startsWith(start), refused.getMessage());
    return refused;
  }

  private SecretKeyRotation.Result rotate(String oldKey, String newKey, boolean dryRun) throws SQLException {
    try (Connection connection = h2.getConnection()) {
      SecretKeyRotation.Result result = SecretKeyRotation.of(oldKey, newKey, dryRun).run(connection);
      assertTrue(connection.getAutoCommit(), "the connection is handed back as it came");
      return result;
    }
  }

  private long connector(String sourceApp, String cipherText) throws SQLException {
    try (Connection connection = h2.getConnection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO connector (name, source_app,"
            + " password_cipher) VALUES (?, ?, ?)", new String[] {"id"})) {
      insert.setString(1, sourceApp + " connector");
      insert.setString(2, sourceApp);
      insert.setString(3, cipherText);
      insert.executeUpdate();
      try (ResultSet key = insert.getGeneratedKeys()) {
        key.next();
        return key.getLong(1);
      }
    }
  }

  private String cipherText(long id) throws SQLException {
    try (Connection connection = h2.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT password_cipher FROM connector WHERE id = ?")) {
      query.setLong(1, id);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  /** Every connector row as text: row version first, then the columns a rotation may touch. */
  private List<String> rows() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = h2.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT row_version, id, source_app, password_cipher,"
            + " updated_at FROM connector ORDER BY id");
        ResultSet result = query.executeQuery()) {
      while (result.next()) {
        rows.add(result.getLong(1) + "|" + result.getLong(2) + "|" + result.getString(3) + "|" + result.getString(4)
            + "|" + result.getObject(5));
      }
    }
    return rows;
  }

  private static long rowVersion(String row) {
    return Long.parseLong(row.substring(0, row.indexOf('|')));
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = h2.getConnection(); var statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
