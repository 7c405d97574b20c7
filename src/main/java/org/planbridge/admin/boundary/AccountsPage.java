package org.planbridge.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.planbridge.admin.control.Account;
import org.planbridge.admin.control.Accounts;
import org.planbridge.admin.control.BadAccount;

/**
 * Accounts, for admins (web.xml lets no other role reach the page, and each action checks again): create one with
 * its role and first password, disable or enable it, set a new password, delete it. The last enabled admin cannot
 * be disabled or deleted.
 */
@Named
@RequestScoped
public class AccountsPage {

  private static final Logger LOG = Logger.getLogger(AccountsPage.class.getName());

  @Inject Accounts accounts;
  @Inject SecurityContext security;
  @Inject FacesContext faces;

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
    act(() -> {
      Account created = accounts.create(username, role, password);
      LOG.info("Console account " + Accounts.quoted(created.username()) + " (" + created.role().roleName()
          + ") created by " + Accounts.quoted(caller()));
      username = null;
      return "Account " + created.username() + " created.";
    });
  }

  public void disable(String name) {
    act(() -> {
      accounts.setEnabled(name, false);
      LOG.info("Console account " + Accounts.quoted(name) + " disabled by " + Accounts.quoted(caller()));
      return "Account " + name + " disabled.";
    });
  }

  public void enable(String name) {
    act(() -> {
      accounts.setEnabled(name, true);
      LOG.info("Console account " + Accounts.quoted(name) + " enabled by " + Accounts.quoted(caller()));
      return "Account " + name + " enabled.";
    });
  }

  public void resetPassword() {
    act(() -> {
      accounts.setPassword(username, password);
      LOG.info("Password of console account " + Accounts.quoted(username) + " set by " + Accounts.quoted(caller()));
      return "New password set for " + username + ".";
    });
  }

  public void delete(String name) {
    act(() -> {
      accounts.delete(name);
      LOG.info("Console account " + Accounts.quoted(name) + " deleted by " + Accounts.quoted(caller()));
      return "Account " + name + " deleted.";
    });
  }

  interface Action {
    String run();
  }

  private void act(Action action) {
    if (!security.isCallerInRole("admin")) {
      faces.getExternalContext().setResponseStatus(403);
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Only an admin may change accounts.", null));
      return;
    }
    try {
      String done = action.run();
      list = null;
      password = null;
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
    } catch (BadAccount e) {
      password = null;
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.field() + ": " + e.getMessage(), null));
    }
  }

  private String caller() {
    return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
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
