package org.planbridge.admin.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.ActionSource;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.planbridge.admin.control.Accounts;
import org.planbridge.admin.control.Audit;

/**
 * A post that presses a button the page did not show its caller (a viewer's hand-made "Retry all", say) is refused
 * with 403, a message and an audit entry, before anything in it is applied. Faces on its own would quietly skip a
 * button that is not rendered and answer 200, which tells someone probing nothing and an auditor less. The pages
 * decide what each role is shown ({@code rendered}); this makes that decision the one that is enforced too.
 * Registered in {@code faces-config.xml}.
 */
public class UnofferedActions implements PhaseListener {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(UnofferedActions.class.getName());
  static final String SOURCE = "jakarta.faces.source";

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RESTORE_VIEW;
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    if (!faces.isPostback() || faces.getViewRoot() == null) {
      return;
    }
    Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
    Optional<String> hidden = parameters.entrySet().stream()
        .map(parameter -> SOURCE.equals(parameter.getKey()) ? parameter.getValue() : parameter.getKey())
        .filter(clientId -> clientId != null && !clientId.isEmpty() && unoffered(faces, clientId))
        .findFirst();
    hidden.ifPresent(clientId -> refuse(faces, clientId));
  }

  /** Whether {@code clientId} names a button of the view that is not shown (it or a container of it not rendered). */
  static boolean unoffered(FacesContext faces, String clientId) {
    UIViewRoot view = faces.getViewRoot();
    boolean[] hidden = {false};
    try {
      view.invokeOnComponent(faces, clientId, (context, component) -> {
        hidden[0] = component instanceof ActionSource && !shown(component);
      });
    } catch (RuntimeException e) {
      return false; // a name the view cannot resolve presses no button
    }
    return hidden[0];
  }

  private static boolean shown(UIComponent component) {
    for (UIComponent at = component; at != null; at = at.getParent()) {
      if (!at.isRendered()) {
        return false;
      }
    }
    return true;
  }

  private static void refuse(FacesContext faces, String clientId) {
    String caller = faces.getExternalContext().getRemoteUser();
    String view = faces.getViewRoot().getViewId();
    faces.getExternalContext().setResponseStatus(403);
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
        "This page offers you no such action (" + clientId + ").", null));
    CDI.current().select(Audit.class).get().record(caller, "refused", view + " " + clientId,
        "refused: the page does not offer it to this account");
    LOG.warning("Console: " + Accounts.quoted(caller) + " pressed " + Accounts.quoted(clientId) + " on " + view
        + ", which the page does not offer them; refused");
    faces.renderResponse();
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    // nothing before the view is restored
  }
}
