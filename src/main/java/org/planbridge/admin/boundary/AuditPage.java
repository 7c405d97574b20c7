package org.planbridge.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.planbridge.admin.control.Audit;
import org.planbridge.admin.control.AuditEntry;

/** The audit trail, for admins: the newest {@value Audit#PAGE} entries, and all of them as a CSV file. */
@Named
@RequestScoped
public class AuditPage {

  @Inject Audit audit;
  @Inject SecurityContext security;
  @Inject FacesContext faces;

  private List<AuditEntry> entries;

  public List<AuditEntry> getEntries() {
    if (entries == null) {
      entries = audit.newest(0, Audit.PAGE);
    }
    return entries;
  }

  public void export() throws IOException {
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
      audit.csv(out);
    }
    faces.responseComplete();
  }
}
