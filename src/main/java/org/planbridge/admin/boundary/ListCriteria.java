package org.planbridge.admin.boundary;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.planbridge.outbox.control.AppointmentMatch;
import org.planbridge.outbox.control.Status;
import org.planbridge.outbox.control.TransactionFilter;

/**
 * What a list page's filter form holds (status, Source App, job, task) and the admin API's filter it stands for:
 * the transactions, error tracking and appointments pages filter alike. The appointments page also matches text in
 * the subject and a resource ({@link #match}).
 */
public class ListCriteria implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Set<Status> allowed;
  private String status = "";
  private String sourceApp = "";
  private String jobNo = "";
  private String taskNo = "";
  private final boolean appointments;
  private String subject = "";
  private String resourceNo = "";

  /** {@code allowed}: the statuses the page may show; empty: all. */
  public ListCriteria(Set<Status> allowed) {
    this(allowed, false);
  }

  /** {@code appointments}: the form also has the appointment's subject and a resource. */
  public ListCriteria(Set<Status> allowed, boolean appointments) {
    this.allowed = Set.copyOf(allowed);
    this.appointments = appointments;
  }

  /** The appointments page's match on the planning tables: text in the subject, a resource. */
  public AppointmentMatch match() {
    return new AppointmentMatch(blankToNull(subject), blankToNull(resourceNo));
  }

  public boolean isAppointments() {
    return appointments;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject == null ? "" : subject;
  }

  public String getResourceNo() {
    return resourceNo;
  }

  public void setResourceNo(String resourceNo) {
    this.resourceNo = resourceNo == null ? "" : resourceNo;
  }

  public TransactionFilter filter() {
    Status one = status.isBlank() ? null : Status.of(status).orElse(null);
    if (one != null && !allowed.isEmpty() && !allowed.contains(one)) {
      one = null;
    }
    return new TransactionFilter(one, blankToNull(sourceApp), blankToNull(jobNo), blankToNull(taskNo), null, null,
        null, false, one == null && !allowed.isEmpty() ? allowed : null);
  }

  /** The statuses the form offers, as the API spells them. */
  public List<String> getStatusChoices() {
    return Arrays.stream(Status.values()).filter(s -> allowed.isEmpty() || allowed.contains(s)).map(Status::label)
        .toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status == null ? "" : status;
  }

  public String getSourceApp() {
    return sourceApp;
  }

  public void setSourceApp(String sourceApp) {
    this.sourceApp = sourceApp == null ? "" : sourceApp;
  }

  public String getJobNo() {
    return jobNo;
  }

  public void setJobNo(String jobNo) {
    this.jobNo = jobNo == null ? "" : jobNo;
  }

  public String getTaskNo() {
    return taskNo;
  }

  public void setTaskNo(String taskNo) {
    this.taskNo = taskNo == null ? "" : taskNo;
  }
}
