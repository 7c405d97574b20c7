package org.planbridge.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The keys of {@code api_key}, for the admin API: list, read, create and revoke. A new key is 32
 * bytes from {@link SecureRandom}, base64url without padding, prefixed {@code pb_}; only its SHA-256
 * (hex) and its first {@value #PREFIX_LENGTH} characters are stored, so the key itself exists once, in
 * the answer to its creation. Revoking keeps the row, with the time: the list keeps saying what
 * happened, and {@link ApiKeys} tells a client using it that it was revoked. Plain JDBC, as
 * {@link ApiKeys} reads the same table.
 */
@ApplicationScoped
// Joins the admin resource's transaction: a refused request writes nothing, and a create is committed
// before its answer (with the key) leaves.
@Transactional(Transactional.TxType.MANDATORY)
public class StoredKeys {

  public static final String PREFIX = "pb_";
  public static final int PREFIX_LENGTH = 12;
  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS = "id, name, scopes, source_apps, key_prefix, created_at, revoked_at";

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  /** A key just created: the row, and the key, which is not stored and never shown again. */
  public record Created(StoredKey key, String secret) {
    @Override
    public String toString() {
      return "Created[" + key + ", secret=(not shown)]";
    }
  }

  public List<StoredKey> list() {
    return query("SELECT " + COLUMNS + " FROM api_key ORDER BY id", null);
  }

  public Optional<StoredKey> get(long id) {
    return query("SELECT " + COLUMNS + " FROM api_key WHERE id = ?", id).stream().findFirst();
  }

  public Created create(NewKey request) {
    String secret = newSecret();
    String sql = "INSERT INTO api_key (name, key_hash, created_at, scopes, source_apps, key_prefix)"
        + " VALUES (?, ?, ?, ?, ?, ?)";
    long id;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
      insert.setString(1, request.name());
      insert.setString(2, HexFormat.of().formatHex(ApiKeys.sha256(secret)));
      insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
      insert.setString(4, StoredKey.scopesColumn(request.scopes()));
      insert.setString(5, StoredKey.sourceAppsColumn(request.sourceApps()));
      insert.setString(6, secret.substring(0, PREFIX_LENGTH));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the API key: " + Failures.rootMessage(e), e);
    }
    return new Created(get(id).orElseThrow(), secret);
  }

  /**
   * Revokes a key; revoking it again changes nothing (the first time stays). False when there is no
   * such key.
   */
  public boolean revoke(long id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(
            "UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
      update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
      update.setLong(2, id);
      return update.executeUpdate() == 1 || get(id).isPresent();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot revoke the API key: " + Failures.rootMessage(e), e);
    }
  }

  static String newSecret() {
    byte[] bytes = new byte[KEY_BYTES];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private List<StoredKey> query(String sql, Long id) {
    try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
      if (id != null) {
        query.setLong(1, id);
      }
      List<StoredKey> keys = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          OffsetDateTime created = row.getObject("created_at", OffsetDateTime.class);
          OffsetDateTime revoked = row.getObject("revoked_at", OffsetDateTime.class);
          keys.add(new StoredKey(row.getLong("id"), row.getString("name"), StoredKey.scopes(row.getString("scopes")),
              StoredKey.sourceApps(row.getString("source_apps")), row.getString("key_prefix"),
              created == null ? null : created.toInstant(), revoked == null ? null : revoked.toInstant()));
        }
      }
      return keys;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the API keys: " + Failures.rootMessage(e), e);
    }
  }
}
