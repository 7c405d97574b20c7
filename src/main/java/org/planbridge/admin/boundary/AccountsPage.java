package org.planbridge.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.planbridge.admin.control.Account;
import org.planbridge.admin.control.Accounts;
import org.planbridge.admin.control.Role;

/**
 * Accounts, for admins (web.xml lets no other role reach the page, and each action checks again): create one with
 * its role and first password, disable or enable it, set a new password, delete it; each in the audit trail
 * ({@link ConsoleActions}). The last enabled admin cannot be disabled or deleted.
 */
@Named
@RequestScoped
public class AccountsPage {

  @Inject Accounts accounts;
  @Inject ConsoleActions actions;

  private String username;
  private String role = "viewer";
  private String password;
  private List<Account> list;

  public List<Account> getAccounts() {
    if (list == null) {
      list = accounts.list();
    }
    return list;
  }

  public boolean locked(Account account) {
    return account.locked(OffsetDateTime.now(ZoneOffset.UTC));
  }

  public void create() {
    act("create account", username + " (" + role + ")", () -> {
      Account created = accounts.create(username, role, password);
      username = null;
      return "Account " + created.username() + " created.";
    });
  }

  public void disable(String name) {
    act("disable account", name, () -> {
      accounts.setEnabled(name, false);
      return "Account " + name + " disabled.";
    });
  }

  public void enable(String name) {
    act("enable account", name, () -> {
      accounts.setEnabled(name, true);
      return "Account " + name + " enabled.";
    });
  }

  public void resetPassword() {
    act("set password", username, () -> {
      accounts.setPassword(username, password);
      return "New password set for " + username + ".";
    });
  }

  public void delete(String name) {
    act("delete account", name, () -> {
      accounts.delete(name);
      return "Account " + name + " deleted.";
    });
  }

  private void act(String action, String target, ConsoleActions.Action work) {
    if (actions.run(action, target, work, Role.ADMIN)) {
      list = null;
    }
    password = null;
  }


  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
