package org.planbridge.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The console's settings, from the environment (PLANBRIDGE_CONSOLE_*, PLANBRIDGE_ADMIN_*). */
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

  /** PLANBRIDGE_ADMIN_USER: the first admin account's name. */
  @Inject
  @ConfigProperty(name = "planbridge.admin.user", defaultValue = "admin")
  String adminUser;

  /** PLANBRIDGE_ADMIN_PASSWORD: the first admin account's password, used once, when there is no account yet. */
  @Inject
  @ConfigProperty(name = "planbridge.admin.password")
  Optional<String> adminPassword;

  public boolean enabled() {
    return enabled;
  }

  public int maxFailedLogins() {
    return Math.max(1, maxFailedLogins);
  }

  public Duration lockout() {
    return Duration.ofSeconds(Math.max(1, lockoutSeconds));
  }

  public int sessionMinutes() {
    return Math.max(1, sessionMinutes);
  }

  public String adminUser() {
    return adminUser;
  }

  public Optional<String> adminPassword() {
    return adminPassword.filter(password -> !password.isBlank());
  }
}
