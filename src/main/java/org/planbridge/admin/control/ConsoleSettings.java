package org.planbridge.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The console's settings, from the environment (PLANBRIDGE_CONSOLE_*, PLANBRIDGE_ADMIN_*, PLANBRIDGE_LOGS_*). */
@ApplicationScoped
public class ConsoleSettings {

  /** PLANBRIDGE_CONSOLE_ENABLED: false answers 404 under /console; delivery and the API are unaffected. */
  @Inject
  @ConfigProperty(name = "planbridge.console.enabled", defaultValue = "true")
  boolean enabled;

  /** PLANBRIDGE_CONSOLE_MAX_FAILED_LOGINS: failed logins in a row that lock an account. */
  @Inject
  @ConfigProperty(name = "planbridge.console.max.failed.logins", defaultValue = "5")
  int maxFailedLogins;

  /** PLANBRIDGE_CONSOLE_LOCKOUT_SECONDS: how long a locked account stays locked (15 minutes). */
  @Inject
  @ConfigProperty(name = "planbridge.console.lockout.seconds", defaultValue = "900")
  long lockoutSeconds;

  /** PLANBRIDGE_CONSOLE_SESSION_MINUTES: a console session ends after this long without a request. */
  @Inject
  @ConfigProperty(name = "planbridge.console.session.minutes", defaultValue = "30")
  int sessionMinutes;

  /**
   * PLANBRIDGE_CONSOLE_SECURE_COOKIE: true marks the session cookie Secure whatever the request came over (behind a
   * proxy that ends TLS, where the server sees plain HTTP); false leaves it to the server, which marks it Secure when
   * the request came over HTTPS.
   */
  @Inject
  @ConfigProperty(name = "planbridge.console.secure.cookie", defaultValue = "false")
  boolean secureCookie;

  /** PLANBRIDGE_ADMIN_USER: the first admin account's name. */
  @Inject
  @ConfigProperty(name = "planbridge.admin.user", defaultValue = "admin")
  String adminUser;

  /** PLANBRIDGE_ADMIN_PASSWORD: the first admin account's password, used once, when there is no account yet. */
  @Inject
  @ConfigProperty(name = "planbridge.admin.password")
  Optional<String> adminPassword;

  /** PLANBRIDGE_LOGS_RETENTION_DAYS: how long the Logs page keeps a message. */
  @Inject
  @ConfigProperty(name = "planbridge.logs.retention.days", defaultValue = "14")
  int logRetentionDays;

  /** PLANBRIDGE_LOGS_LEVEL: the least level the Logs page keeps (a java.util.logging level: INFO, WARNING, ...). */
  @Inject
  @ConfigProperty(name = "planbridge.logs.level", defaultValue = "INFO")
  String logLevel;

  /** PLANBRIDGE_LOGS_QUEUE: how many messages wait to be written before new ones are dropped (and counted). */
  @Inject
  @ConfigProperty(name = "planbridge.logs.queue", defaultValue = "10000")
  int logQueue;

  public boolean enabled() {
    return enabled;
  }

  public int maxFailedLogins() {
    return Math.max(1, maxFailedLogins);
  }

  public Duration lockout() {
    return Duration.ofSeconds(Math.max(1, lockoutSeconds));
  }

  public boolean secureCookie() {
    return secureCookie;
  }

  public int sessionMinutes() {
    return Math.max(1, sessionMinutes);
  }

  public String adminUser() {
    return adminUser;
  }

  public Duration logRetention() {
    return Duration.ofDays(Math.max(1, logRetentionDays));
  }

  /** The level named by PLANBRIDGE_LOGS_LEVEL; refused at start-up with the names it may be. */
  public Level logLevel() {
    try {
      return Level.parse(logLevel.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("PLANBRIDGE_LOGS_LEVEL is '" + logLevel + "': use SEVERE, WARNING, INFO, "
          + "CONFIG, FINE, FINER or FINEST");
    }
  }

  public int logQueue() {
    return Math.max(100, logQueue);
  }

  public Optional<String> adminPassword() {
    return adminPassword.filter(password -> !password.isBlank());
  }
}
