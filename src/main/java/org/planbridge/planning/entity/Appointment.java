package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.planbridge.platform.entity.Tracked;

/** A planned period of a task, assigned to one or more resources. Table {@code appointment}. */
@Entity
@Table(name = "appointment")
public class Appointment extends Tracked {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "appointment_id", nullable = false)
  private Long appointmentId;

  @Column(name = "appointment_guid", nullable = false)
  private UUID appointmentGuid;

  @Column(name = "source_app", length = 30, nullable = false)
  private String sourceApp;

  @Column(name = "source_type", length = 10, nullable = false)
  private String sourceType;

  @Column(name = "job_no", length = 50)
  private String jobNo;

  @Column(name = "task_no", length = 50)
  private String taskNo;

  @Column(name = "subject", columnDefinition = "VARCHAR")
  private String subject;

  @Column(name = "body", columnDefinition = "VARCHAR")
  private String body;

  @Column(name = "start_time", nullable = false)
  private OffsetDateTime startTime;

  @Column(name = "end_time", nullable = false)
  private OffsetDateTime endTime;

  @Column(name = "is_all_day_event", nullable = false)
  private Boolean isAllDayEvent;

  @Column(name = "time_marker", length = 100)
  private String timeMarker;

  @Column(name = "category", length = 100)
  private String category;

  @Column(name = "importance", nullable = false)
  private Short importance;

  @Column(name = "locked", nullable = false)
  private Boolean locked;

  @Column(name = "backoffice_id", length = 100)
  private String backofficeId;

  @Column(name = "backoffice_parent_id", length = 100)
  private String backofficeParentId;

  @Column(name = "planning_uom", length = 20)
  private String planningUom;

  @Column(name = "planning_uom_conversion", precision = 19, scale = 6)
  private BigDecimal planningUomConversion;

  @Column(name = "planning_qty", precision = 19, scale = 6)
  private BigDecimal planningQty;

  @Column(name = "use_fix_planning_qty")
  private Boolean useFixPlanningQty;

  @Column(name = "round_to_uom")
  private Boolean roundToUom;

  @Column(name = "sent_from_back_office", nullable = false)
  private Boolean sentFromBackOffice;

  @Column(name = "is_manual_appointment")
  private Boolean isManualAppointment;

  /**
   * The numbers of the assigned resources (rows of {@code assignment}), filled by the read that
   * returns this appointment, not by JPA: an {@code @ElementCollection} over {@code assignment} would
   * let a later update of the appointment rewrite that table behind the import engine's back, and a
   * page of appointments would load its assignments one appointment at a time. {@code null} when
   * the appointment was loaded without them.
   */
  @Transient
  private List<String> resources;

  public Long getAppointmentId() {
    return appointmentId;
  }

  public UUID getAppointmentGuid() {
    return appointmentGuid;
  }

  public String getSourceApp() {
    return sourceApp;
  }

  public String getSourceType() {
    return sourceType;
  }

  public String getJobNo() {
    return jobNo;
  }

  public String getTaskNo() {
    return taskNo;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public OffsetDateTime getStartTime() {
    return startTime;
  }

  public OffsetDateTime getEndTime() {
    return endTime;
  }

  public Boolean getIsAllDayEvent() {
    return isAllDayEvent;
  }

  public String getTimeMarker() {
    return timeMarker;
  }

  public String getCategory() {
    return category;
  }

  public Short getImportance() {
    return importance;
  }

  public Boolean getLocked() {
    return locked;
  }

  public String getBackofficeId() {
    return backofficeId;
  }

  public String getBackofficeParentId() {
    return backofficeParentId;
  }

  public String getPlanningUom() {
    return planningUom;
  }

  public BigDecimal getPlanningUomConversion() {
    return planningUomConversion;
  }

  public BigDecimal getPlanningQty() {
    return planningQty;
  }

  public Boolean getUseFixPlanningQty() {
    return useFixPlanningQty;
  }

  public Boolean getRoundToUom() {
    return roundToUom;
  }

  public Boolean getSentFromBackOffice() {
    return sentFromBackOffice;
  }

  public Boolean getIsManualAppointment() {
    return isManualAppointment;
  }

  public List<String> getResources() {
    return resources;
  }

  public void setResources(List<String> resources) {
    this.resources = resources == null ? null : List.copyOf(resources);
  }
}
