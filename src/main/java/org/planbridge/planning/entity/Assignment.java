package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.planbridge.platform.entity.Tracked;

/** One resource assigned to one appointment. Key: appointment id and resource number. Table {@code assignment}. */
@Entity
@IdClass(AssignmentId.class)
@Table(name = "assignment")
public class Assignment extends Tracked {

  @Id
  @Column(name = "appointment_id", nullable = false)
  private Long appointmentId;

  @Id
  @Column(name = "resource_no", length = 50, nullable = false)
  private String resourceNo;

  @Column(name = "source_app", length = 30)
  private String sourceApp;

  @Column(name = "source_type", length = 10)
  private String sourceType;

  @Column(name = "sent_from_back_office", nullable = false)
  private Boolean sentFromBackOffice;

  public Long getAppointmentId() {
    return appointmentId;
  }

  public String getResourceNo() {
    return resourceNo;
  }

  public String getSourceApp() {
    return sourceApp;
  }

  public String getSourceType() {
    return sourceType;
  }

  public Boolean getSentFromBackOffice() {
    return sentFromBackOffice;
  }
}
