package org.planbridge.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.planbridge.admin.control.Role;
import org.planbridge.platform.control.NewKey;
import org.planbridge.platform.control.Scope;
import org.planbridge.platform.control.StoredKey;
import org.planbridge.platform.control.StoredKeys;
import org.planbridge.platform.control.Jsons;

/**
 * API keys, for admins: the list (name, scopes, Source Apps, the key's first characters, created, revoked), a new key
 * with its scopes and Source Apps (the admin API's rules: {@link NewKey#parse}), shown once, on the page that
 * created it, and never written anywhere else (not in the audit trail, not in the log); revoking one.
 */
@Named
@RequestScoped
public class KeysPage {

  @Inject KeyChanges keys;
  @Inject ConsoleActions actions;

  private String name;
  private List<String> scopes = new ArrayList<>(List.of(Scope.INGEST.wireName()));
  private String sourceApps;
  private String created;
  private List<StoredKey> list;

  public List<StoredKey> getKeys() {
    if (list == null) {
      list = keys.list();
    }
    return list;
  }

  public List<String> getScopeChoices() {
    return Arrays.stream(Scope.values()).map(Scope::wireName).toList();
  }

  public String scopes(StoredKey key) {
    return String.join(", ", key.scopes().stream().map(Scope::wireName).sorted().toList());
  }

  public void create() {
    actions.run("create API key", name, () -> {
      StoredKeys.Created made = keys.create(NewKey.parse(request()));
      created = made.secret();
      list = null;
      return "API key " + made.key().name() + " created (" + made.key().keyPrefix() + "...). Copy it now: it is"
          + " shown only this once.";
    }, Role.ADMIN);
  }

  public void revoke(long id) {
    actions.run("revoke API key", "key " + id, () -> {
      if (!keys.revoke(id)) {
        throw new IllegalArgumentException("there is no valid key " + id);
      }
      list = null;
      return "API key " + id + " revoked.";
    }, Role.ADMIN);
  }

  /** The form as the admin API's request: Source Apps one per line, none meaning every Source App. */
  private jakarta.json.JsonObject request() {
    JsonObjectBuilder request = Jsons.JSON.createObjectBuilder().add("name", name == null ? "" : name);
    JsonArrayBuilder wanted = Jsons.JSON.createArrayBuilder();
    scopes.forEach(wanted::add);
    request.add("scopes", wanted);
    List<String> apps = sourceApps == null ? List.of()
        : sourceApps.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    if (!apps.isEmpty()) {
      JsonArrayBuilder limited = Jsons.JSON.createArrayBuilder();
      apps.forEach(limited::add);
      request.add("sourceApps", limited);
    }
    return request.build();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes == null ? new ArrayList<>() : new ArrayList<>(scopes);
  }

  public String getSourceApps() {
    return sourceApps;
  }

  public void setSourceApps(String sourceApps) {
    this.sourceApps = sourceApps;
  }

  /** The key just created, for this one answer. */
  public String getCreated() {
    return created;
  }
}
