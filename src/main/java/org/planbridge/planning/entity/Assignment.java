package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One resource assigned to one appointment. Key: appointment id and resource number. Table {@code assignment}. */
@Entity
@IdClass(AssignmentId.class)
@Table(name = "assignment")
public class Assignment {

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

  // row_version, created_at, updated_at: set by the database on insert and by the import engine on update.
  @Column(name = "row_version", nullable = false, insertable = false, updatable = false)
  private Long rowVersion;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
  private OffsetDateTime updatedAt;

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

  public Long getRowVersion() {
    return rowVersion;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
