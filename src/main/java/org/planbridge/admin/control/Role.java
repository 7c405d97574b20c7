package org.planbridge.admin.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a console account may do. The names are the Jakarta Security roles ({@code web.xml}'s security roles and
 * constraints) and the values of {@code console_account.role}.
 */
public enum Role {
  /** Everything, accounts and API keys included. */
  ADMIN,
  /** Retry, archive, edit connectors. */
  OPERATOR,
  /** Reads only: no action is shown, and the actions refuse with 403. */
  VIEWER;

  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> named(String name) {
    return Arrays.stream(values()).filter(role -> role.roleName().equals(name)).findFirst();
  }
}
