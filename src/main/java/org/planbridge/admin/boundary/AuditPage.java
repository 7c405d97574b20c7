package org.planbridge.admin.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.planbridge.admin.control.Audit;
import org.planbridge.admin.control.AuditEntry;
import org.planbridge.admin.control.AuditFilter;
import org.planbridge.platform.control.Jsons;

/**
 * The audit trail, for admins: newest first, paged in the database, filtered by user, action, text in the target or
 * outcome, and a time span (UTC); what the filter matches, or everything, exported as a CSV file.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Audit audit;
  @Inject SecurityContext security;

  private String username;
  private String action;
  private final SpanInput span = new SpanInput();
  private AuditFilter filter = AuditFilter.ALL;
  private transient JsonRows rows; // made again after the view is restored from a copy
  private transient List<String> actions;

  public JsonRows getRows() {
    if (rows == null) {
      rows = new JsonRows(() -> audit.count(filter), (sort, first, size) -> audit.newest(filter, first, size)
          .stream().map(AuditPage::json).toList(), "id");
    }
    return rows;
  }

  /** Reads the filter typed in; with a time that cannot be read, says which and keeps the last filter. */
  public void apply() {
    try {
      filter = new AuditFilter(username, action, span.text(), span.from(), span.to());
      JsonRows.firstPage(":audit:entries");
    } catch (IllegalArgumentException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
          e.getMessage(), null));
    }
  }

  /** The entries the filter matches (all of them without one) as CSV. */
  public void export() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    if (!security.isCallerInRole("admin")) {
      external.responseSendError(403, "Only an admin may export the audit trail.");
      faces.responseComplete();
      return;
    }
    external.responseReset();
    external.setResponseContentType("text/csv; charset=UTF-8");
    external.setResponseHeader("Content-Disposition", "attachment; filename=\"planbridge-console-audit.csv\"");
    try (Writer out = new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8)) {
      audit.csv(filter, out);
    }
    faces.responseComplete();
  }

  public String time(String iso) {
    return ShownTime.of(iso);
  }

  private static JsonObject json(AuditEntry entry) {
    JsonObjectBuilder row = Jsons.JSON.createObjectBuilder().add("id", entry.id()).add("at", entry.at().toString())
        .add("username", entry.username()).add("action", entry.action());
    row.add("target", entry.target() == null ? "" : entry.target());
    return row.add("outcome", entry.outcome() == null ? "" : entry.outcome()).build();
  }

  /** The actions the trail has, for the filter's choice. */
  public List<String> getActions() {
    if (actions == null) {
      actions = audit.actions();
    }
    return actions;
  }

  public SpanInput getSpan() {
    return span;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }
}
