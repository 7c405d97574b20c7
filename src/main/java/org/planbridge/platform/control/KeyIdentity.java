package org.planbridge.platform.control;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who a request's API key is: its name, what it may do and which Source Apps it is limited to. Never
 * the key or its hash. The key filter puts it in the request, for the routes that need more than a
 * scope (the pull delivery, later, reads {@link #sourceApps}).
 *
 * @param id the stored key's id; null for the configured key ({@code PLANBRIDGE_API_KEY})
 * @param name how people call the key, for messages and logs
 * @param scopes what the key may do
 * @param sourceApps the Source Apps the key is limited to, matched exactly; null: every Source App
 */
public record KeyIdentity(Long id, String name, Set<Scope> scopes, List<String> sourceApps) {

  /** The name of the configured key in messages. */
  public static final String CONFIGURED_NAME = "PLANBRIDGE_API_KEY";

  public KeyIdentity {
    scopes = scopes.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Scope.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    sourceApps = sourceApps == null ? null : List.copyOf(sourceApps);
  }

  /** The configured key: every scope, every Source App. */
  public static KeyIdentity configured() {
    return new KeyIdentity(null, CONFIGURED_NAME, EnumSet.allOf(Scope.class), null);
  }

  public boolean allows(Scope scope) {
    return scopes.contains(scope);
  }

  /** Whether the key may see the records of {@code sourceApp} (matched exactly, as everywhere). */
  public boolean allowsSourceApp(String sourceApp) {
    return sourceApps == null || sourceApps.contains(sourceApp);
  }
}
