package org.planbridge.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.planbridge.metrics.control.ConnectionMeters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides who an {@code X-API-KEY} is. Keys are only ever compared as SHA-256 hashes: the table
 * {@code api_key} holds hashes, and the configured key ({@code PLANBRIDGE_API_KEY}) is hashed once at
 * start-up and compared in constant time. The configured key has every scope and every Source App;
 * a stored key has what its row says, and a revoked one is refused as revoked. With no key anywhere,
 * nothing is accepted: the API never runs open.
 *
 * <p>Cheap on purpose, since every request passes here: the configured key costs no query, a stored
 * key one, by its hash (the unique index {@code api_key_hash}). Only a refusal may cost a second one,
 * to tell the client that no key is configured at all.
 */
@ApplicationScoped
public class ApiKeys {

  static final int MINIMUM_LENGTH = 16;
  private static final Logger LOG = Logger.getLogger(ApiKeys.class.getName());
  private static final String FIND = "SELECT id, name, scopes, source_apps, revoked_at FROM api_key WHERE key_hash = ?";

  @Inject
  @ConfigProperty(name = "planbridge.api.key")
  Optional<String> configuredKey;

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  @Inject ConnectionMeters meters;

  private byte[] configuredHash;

  /** The outcome of presenting a key: who it is, or why it is refused. */
  public sealed interface Authentication {}

  /** A valid key, and who it is. */
  public record Accepted(KeyIdentity identity) implements Authentication {}

  /** No key was sent. */
  public record Missing() implements Authentication {}

  /** A key that is neither the configured one nor stored. */
  public record Unknown() implements Authentication {}

  /** A stored key that was revoked: its name (never the key) and when. */
  public record Revoked(String name, Instant at) implements Authentication {}

  @PostConstruct
  void hashConfiguredKey() {
    configuredKey.map(String::trim).filter(key -> !key.isEmpty()).ifPresent(key -> {
      if (key.length() < MINIMUM_LENGTH) {
        LOG.warning("PLANBRIDGE_API_KEY is ignored: it is shorter than " + MINIMUM_LENGTH + " characters.");
      } else {
        configuredHash = sha256(key);
      }
    });
  }

  /** Whether any key could be accepted: the configured one, or a stored key that is not revoked. */
  public boolean anyConfigured() {
    return configuredHash != null || anyValidStored();
  }

  /** Who {@code presentedKey} (the header as sent; surrounding white space ignored) is. */
  public Authentication authenticate(String presentedKey) {
    if (presentedKey == null || presentedKey.isBlank()) {
      return new Missing();
    }
    byte[] presentedHash = sha256(presentedKey.trim());
    if (configuredHash != null && MessageDigest.isEqual(configuredHash, presentedHash)) {
      return new Accepted(KeyIdentity.configured());
    }
    return stored(HexFormat.of().formatHex(presentedHash));
  }

  private Authentication stored(String hash) {
    try (Connection connection = meters.of("keys").open(dataSource);
        PreparedStatement query = connection.prepareStatement(FIND)) {
      query.setString(1, hash);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return new Unknown();
        }
        String name = row.getString("name");
        OffsetDateTime revokedAt = row.getObject("revoked_at", OffsetDateTime.class);
        if (revokedAt != null) {
          return new Revoked(name, revokedAt.toInstant());
        }
        return new Accepted(new KeyIdentity(row.getLong("id"), name, StoredKey.scopes(row.getString("scopes")),
            StoredKey.sourceApps(row.getString("source_apps"))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the API keys: " + Failures.rootMessage(e), e);
    }
  }

  private boolean anyValidStored() {
    try (Connection connection = meters.of("keys").open(dataSource);
        PreparedStatement query = connection.prepareStatement(
            "SELECT 1 FROM api_key WHERE revoked_at IS NULL FETCH FIRST 1 ROWS ONLY");
        ResultSet rows = query.executeQuery()) {
      return rows.next();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the API keys: " + Failures.rootMessage(e), e);
    }
  }

  /** The SHA-256 of a key's UTF-8 bytes, as stored in hex in {@code api_key.key_hash}. */
  public static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
