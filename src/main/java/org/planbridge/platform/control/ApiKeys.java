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
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides whether an {@code X-API-KEY} is valid. Keys are only ever compared as SHA-256 hashes: the
 * table {@code api_key} holds hashes, and the configured key ({@code PLANBRIDGE_API_KEY}) is hashed
 * once at start-up. With no key anywhere, nothing is accepted: the API never runs open.
 */
@ApplicationScoped
public class ApiKeys {

  static final int MINIMUM_LENGTH = 16;
  private static final Logger LOG = Logger.getLogger(ApiKeys.class.getName());

  @Inject
  @ConfigProperty(name = "planbridge.api.key")
  Optional<String> configuredKey;

  @Resource(lookup = "jdbc/planbridge")
  DataSource dataSource;

  private byte[] configuredHash;

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

  public boolean anyConfigured() {
    return configuredHash != null || storedKeyCount() > 0;
  }

  public boolean accepts(String presentedKey) {
    if (presentedKey == null || presentedKey.isBlank()) {
      return false;
    }
    byte[] presentedHash = sha256(presentedKey.trim());
    if (configuredHash != null && MessageDigest.isEqual(configuredHash, presentedHash)) {
      return true;
    }
    return isStored(HexFormat.of().formatHex(presentedHash));
  }

  private boolean isStored(String hash) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT 1 FROM api_key WHERE key_hash = ?")) {
      query.setString(1, hash);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the API keys: " + Failures.rootMessage(e), e);
    }
  }

  private long storedKeyCount() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM api_key");
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the API keys: " + Failures.rootMessage(e), e);
    }
  }

  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
