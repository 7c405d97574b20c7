package org.planbridge.admin.control;

import java.time.OffsetDateTime;

/**
 * A console account as the console lists it: never its password hash. {@code updatedAt} is when an admin or the user
 * last changed it (enabled, disabled, a new password): sessions begun before that end ({@code ConsoleSessions}).
 */
public record Account(String username, Role role, boolean enabled, OffsetDateTime lockedUntil,
    OffsetDateTime lastLoginAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  /** Whether a login is refused now because of repeated failures. */
  public boolean locked(OffsetDateTime now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
