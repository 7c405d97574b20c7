package org.planbridge.connector.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Re-encrypts every stored connector password ({@code connector.password_cipher}) from the old
 * {@code PLANBRIDGE_SECRET_KEY} to a new one, in one database transaction: every password is decrypted with the old
 * key first, and if any cannot be, nothing is written and the refusal names each such connector (never a secret or
 * cipher text). A dry run only checks that every password decrypts, and writes nothing.
 *
 * <p>Each re-encrypted row gets a new {@code row_version}, as every update of the table does: the delivery clients
 * keep what they built for a connector per version ({@code backoffice.Target.key()}). Running instances still hold
 * the old key, so they are stopped before a rotation and started with the new key after it (docs/OPERATIONS.md).
 */
public final class SecretKeyRotation {

  /** What a run did: passwords re-encrypted (or, in a dry run, checked) and connectors without one, left as they were. */
  public record Result(int passwords, int withoutPassword, boolean dryRun) {}

  static final String OLD_KEY = "PLANBRIDGE_SECRET_KEY";
  static final String NEW_KEY = "PLANBRIDGE_NEW_SECRET_KEY";

  private record Stored(long id, String name, String sourceApp, String cipherText) {
    String describe() {
      return "connector " + id + " '" + name + "' (Source App '" + sourceApp + "')";
    }
  }

  private final SecretCipher oldKey;
  /** Null in a dry run. */
  private final SecretCipher newKey;

  private SecretKeyRotation(SecretCipher oldKey, SecretCipher newKey) {
    this.oldKey = oldKey;
    this.newKey = newKey;
  }

  /**
   * A rotation from {@code oldKey} to {@code newKey} (base64, as {@code PLANBRIDGE_SECRET_KEY}). Refuses a missing or
   * invalid key, and a new key that is the old one, naming the variable and never quoting the key. A dry run needs
   * no new key, and checks its form when it is given.
   */
  public static SecretKeyRotation of(String oldKey, String newKey, boolean dryRun) {
    byte[] old = SecretCipher.parse(Optional.ofNullable(oldKey)).getEncoded();
    SecretCipher reading = SecretCipher.withKey(oldKey);
    if (dryRun && (newKey == null || newKey.isBlank())) {
      return new SecretKeyRotation(reading, null);
    }
    if (newKey == null || newKey.isBlank()) {
      throw new SecretUnavailable(NEW_KEY + " is not set: set it to the new key, the base64 of 16, 24 or 32 random"
          + " bytes (for example: openssl rand -base64 32).");
    }
    byte[] next;
    try {
      next = SecretCipher.parse(Optional.of(newKey)).getEncoded();
    } catch (SecretUnavailable e) {
      throw new SecretUnavailable(e.getMessage().replace(OLD_KEY, NEW_KEY)); // the messages never quote the key
    }
    if (dryRun) {
      return new SecretKeyRotation(reading, null);
    }
    if (Arrays.equals(old, next)) {
      throw new SecretUnavailable(NEW_KEY + " is the same key as " + OLD_KEY + ": nothing to rotate.");
    }
    return new SecretKeyRotation(reading, SecretCipher.withKey(newKey));
  }

  /**
   * Runs on {@code connection} as one transaction of its own: all passwords are re-encrypted, or (on any refusal or
   * failure, and always in a dry run) none.
   */
  public Result run(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      Result result = rotate(connection);
      if (result.dryRun()) {
        connection.rollback(); // only the row locks to release
      } else {
        connection.commit();
      }
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private Result rotate(Connection connection) throws SQLException {
    List<Stored> stored = new ArrayList<>();
    int withoutPassword = 0;
    // Locked until the end, so that no connector is written meanwhile under the old key.
    try (PreparedStatement query = connection.prepareStatement("SELECT id, name, source_app, password_cipher"
        + " FROM connector ORDER BY id FOR UPDATE");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        String cipherText = rows.getString(4);
        if (cipherText == null || cipherText.isBlank()) {
          withoutPassword++;
        } else {
          stored.add(new Stored(rows.getLong(1), rows.getString(2), rows.getString(3), cipherText));
        }
      }
    }
    List<String> refused = new ArrayList<>();
    List<String> renewed = new ArrayList<>();
    for (Stored row : stored) {
      String secret;
      try {
        secret = oldKey.reveal(row.cipherText());
      } catch (SecretUnavailable e) {
        refused.add(row.describe() + ": " + e.getMessage());
        continue;
      }
      renewed.add(newKey == null ? null : reencrypted(secret));
    }
    if (!refused.isEmpty()) {
      throw new SecretUnavailable(refused.size() + " of " + stored.size() + " stored connector passwords cannot be"
          + " decrypted with " + OLD_KEY + ", so nothing was changed:\n  "
          + String.join("\n  ", refused));
    }
    if (newKey != null) {
      write(connection, stored, renewed);
    }
    return new Result(stored.size(), withoutPassword, newKey == null);
  }

  /** The secret under the new key, read back before it is stored. */
  private String reencrypted(String secret) {
    String renewed = newKey.encrypt(secret);
    if (!newKey.reveal(renewed).equals(secret)) {
      throw new SecretUnavailable("A password re-encrypted with " + NEW_KEY + " does not read back; nothing was changed.");
    }
    return renewed;
  }

  /** One statement per connector, not a batch: a driver's batch failure quotes the statement with its values. */
  private static void write(Connection connection, List<Stored> stored, List<String> renewed) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE connector SET password_cipher = ?,"
        + " row_version = nextval('row_version_seq'), updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
      for (int i = 0; i < stored.size(); i++) {
        update.setString(1, renewed.get(i));
        update.setLong(2, stored.get(i).id());
        update.executeUpdate();
      }
    }
  }
}
