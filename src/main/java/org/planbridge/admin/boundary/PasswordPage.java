package org.planbridge.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.planbridge.admin.control.Accounts;
import org.planbridge.admin.control.BadAccount;
import org.planbridge.admin.control.Role;

/**
 * Every user changes their own password here, giving the current one (a wrong one counts as a failed login). Their
 * other sessions end; this one goes on ({@link ConsoleSessions}). In the audit trail like every change.
 */
@Named
@RequestScoped
public class PasswordPage {

  @Inject Accounts accounts;
  @Inject ConsoleActions actions;
  @Inject FacesContext faces;

  private String current;
  private String password;
  private String repeated;

  public void change() {
    String me = actions.caller();
    actions.run("change own password", me, () -> {
      if (password == null || !password.equals(repeated)) {
        throw new BadAccount("repeated", "the two new passwords differ");
      }
      accounts.changeOwnPassword(me, current, password);
      ConsoleSessions.begun((HttpServletRequest) faces.getExternalContext().getRequest());
      return "Your password is changed. Your other sessions have ended.";
    }, Role.values());
    current = null;
    password = null;
    repeated = null;
  }

  public String getCurrent() {
    return null; // never written back into the page
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRepeated() {
    return null;
  }

  public void setRepeated(String repeated) {
    this.repeated = repeated;
  }
}
