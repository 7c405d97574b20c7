package org.planbridge.admin.boundary;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The login form. Every refusal gets the same message (unknown user, wrong password, locked, disabled alike), so
 * that the page does not tell which accounts exist; the log says which it was. The session id changes at the login.
 */
@Named
@RequestScoped
public class LoginPage {

  static final String REFUSED = "Unknown user or wrong password. After 5 failed logins in a row an account is "
      + "locked for a while.";

  @Inject SecurityContext security;
  @Inject FacesContext faces;

  private String username;
  private String password;
  private String next;
  private boolean ended;

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return null; // never written back into the page
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }

  /** Whether the browser came here because its session was ended (its account changed). */
  public boolean isEnded() {
    return ended;
  }

  public void setEnded(boolean ended) {
    this.ended = ended;
  }

  public void login() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    if (request.getSession(false) != null) {
      request.changeSessionId(); // whatever id the browser had before the login is worth nothing after it
    }
    AuthenticationStatus status = security.authenticate(request, response, withParams().newAuthentication(true)
        .credential(new UsernamePasswordCredential(username == null ? "" : username,
            new Password(password == null ? "" : password))));
    password = null;
    if (status == AuthenticationStatus.SUCCESS) {
      ConsoleSessions.begun(request);
      external.redirect(request.getContextPath() + ConsoleAuthentication.safeNext(next));
    } else if (status == AuthenticationStatus.SEND_CONTINUE) {
      faces.responseComplete();
    } else {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, REFUSED, null));
    }
  }
}
