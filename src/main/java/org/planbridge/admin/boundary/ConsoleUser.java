package org.planbridge.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;

/** Who is logged in, what their role lets the pages show, and logging out. */
@Named
@RequestScoped
public class ConsoleUser {

  @Inject SecurityContext security;
  @Inject FacesContext faces;

  public String getName() {
    Principal caller = security.getCallerPrincipal();
    return caller == null ? null : caller.getName();
  }

  public boolean isAdmin() {
    return security.isCallerInRole("admin");
  }

  /** Operators and admins: the actions that change deliveries and connectors. */
  public boolean isOperator() {
    return isAdmin() || security.isCallerInRole("operator");
  }

  public void logout() throws IOException, ServletException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    external.invalidateSession();
    external.redirect(request.getContextPath() + ConsoleAuthentication.LOGIN_PAGE);
  }
}
