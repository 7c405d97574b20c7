package org.planbridge.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Arrays;
import java.util.logging.Logger;
import org.planbridge.admin.control.Accounts;
import org.planbridge.admin.control.Audit;
import org.planbridge.admin.control.BadAccount;
import org.planbridge.admin.control.Role;
import org.planbridge.connector.control.ConnectorViolation;
import org.planbridge.platform.control.KeyViolation;
import org.planbridge.platform.control.Failures;

/**
 * How every console action that changes something runs: only for the roles it names (anyone else gets 403 and a
 * message, and the refusal is in the audit trail), in the audit trail with its target and outcome, its outcome shown
 * on the page. Input the rules refuse (a field of an account, a connector or an API key) is shown with the field it is about
 * and changes nothing, so it is not an entry. The pages' buttons are only shown to those roles; this is the check that counts.
 */
@RequestScoped
public class ConsoleActions {

  private static final Logger LOG = Logger.getLogger(ConsoleActions.class.getName());

  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject Audit audit;

  /** What an action does; answers the sentence the page shows (and the audit trail keeps) when it worked. */
  public interface Action {
    String run() throws Exception;
  }

  /** Runs {@code work} as {@code action} on {@code target} if the caller has one of {@code roles}. */
  public boolean run(String action, String target, Action work, Role... roles) {
    String caller = caller();
    if (Arrays.stream(roles).noneMatch(role -> security.isCallerInRole(role.roleName()))) {
      faces.getExternalContext().setResponseStatus(403);
      message(FacesMessage.SEVERITY_ERROR, "Your role may not do this (" + action + ").");
      audit.record(caller, action, target, "refused: the role may not");
      return false;
    }
    try {
      String done = work.run();
      audit.record(caller, action, target, done);
      LOG.info("Console: " + Accounts.quoted(caller) + " " + action + " " + target + ": " + done);
      message(FacesMessage.SEVERITY_INFO, done);
      return true;
    } catch (BadAccount e) {
      message(FacesMessage.SEVERITY_ERROR, e.field() + ": " + e.getMessage());
      return false;
    } catch (KeyViolation e) {
      message(FacesMessage.SEVERITY_ERROR, e.field() + ": " + e.getMessage());
      return false;
    } catch (ConnectorViolation e) {
      message(FacesMessage.SEVERITY_ERROR, (e.field() == null ? "" : e.field().jsonName() + ": ") + e.getMessage());
      return false;
    } catch (Exception e) {
      String why = Failures.rootMessage(e);
      audit.record(caller, action, target, "failed: " + why);
      message(FacesMessage.SEVERITY_ERROR, action + " failed: " + why);
      return false;
    }
  }

  public String caller() {
    return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
  }

  private void message(FacesMessage.Severity severity, String text) {
    faces.addMessage(null, new FacesMessage(severity, text, null));
  }
}
