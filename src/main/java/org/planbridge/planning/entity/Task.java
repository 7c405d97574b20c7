package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A plannable task of a job. Key: source app, source type, job number, task number. Table {@code task}. */
@Entity
@Table(name = "task")
public class Task extends WithFreeFields {

  @Column(name = "job_no", length = 50, nullable = false)
  private String jobNo;

  @Column(name = "task_no", length = 50, nullable = false)
  private String taskNo;

  @Column(name = "task_type")
  private Short taskType;

  @Column(name = "short_description", length = 50, nullable = false)
  private String shortDescription;

  @Column(name = "description", length = 50)
  private String description;

  @Column(name = "name", length = 255)
  private String name;

  @Column(name = "type", length = 20)
  private String type;

  @Column(name = "category", length = 100)
  private String category;

  @Column(name = "time_marker", length = 100)
  private String timeMarker;

  @Column(name = "pin", length = 100)
  private String pin;

  @Column(name = "service_no", length = 50)
  private String serviceNo;

  @Column(name = "service_group", length = 20)
  private String serviceGroup;

  @Column(name = "service_class", length = 20)
  private String serviceClass;

  @Column(name = "service_serial_no", length = 50)
  private String serviceSerialNo;

  @Column(name = "service_name", length = 50)
  private String serviceName;

  @Column(name = "iris_fault", length = 10)
  private String irisFault;

  @Column(name = "iris_symptom", length = 10)
  private String irisSymptom;

  @Column(name = "iris_area", length = 10)
  private String irisArea;

  @Column(name = "iris_reason", length = 10)
  private String irisReason;

  @Column(name = "iris_resolution", length = 10)
  private String irisResolution;

  @Column(name = "skill1", length = 10)
  private String skill1;

  @Column(name = "skill2", length = 10)
  private String skill2;

  @Column(name = "skill3", length = 10)
  private String skill3;

  @Column(name = "contract_no", length = 20)
  private String contractNo;

  @Column(name = "contract_type", length = 30)
  private String contractType;

  @Column(name = "contract_description", columnDefinition = "VARCHAR")
  private String contractDescription;

  @Column(name = "contract_start_date")
  private OffsetDateTime contractStartDate;

  @Column(name = "contract_end_date")
  private OffsetDateTime contractEndDate;

  @Column(name = "parts_warranty_start_date")
  private OffsetDateTime partsWarrantyStartDate;

  @Column(name = "parts_warranty_end_date")
  private OffsetDateTime partsWarrantyEndDate;

  @Column(name = "labor_warranty_start_date")
  private OffsetDateTime laborWarrantyStartDate;

  @Column(name = "labor_warranty_end_date")
  private OffsetDateTime laborWarrantyEndDate;

  @Column(name = "importance")
  private Short importance;

  @Column(name = "status", length = 20)
  private String status;

  @Column(name = "expected_response_date_time")
  private OffsetDateTime expectedResponseDateTime;

  @Column(name = "actual_response_date_time")
  private OffsetDateTime actualResponseDateTime;

  @Column(name = "requested_start_date")
  private OffsetDateTime requestedStartDate;

  @Column(name = "requested_end_date")
  private OffsetDateTime requestedEndDate;

  @Column(name = "requested_start_time")
  private Long requestedStartTime;

  @Column(name = "requested_end_time")
  private Long requestedEndTime;

  @Column(name = "confirmed_start_date")
  private OffsetDateTime confirmedStartDate;

  @Column(name = "confirmed_end_date")
  private OffsetDateTime confirmedEndDate;

  @Column(name = "actual_start_date")
  private OffsetDateTime actualStartDate;

  @Column(name = "actual_end_date")
  private OffsetDateTime actualEndDate;

  @Column(name = "location_description", columnDefinition = "VARCHAR")
  private String locationDescription;

  @Column(name = "duration")
  private Long duration;

  @Column(name = "duration_in_seconds")
  private Long durationInSeconds;

  @Column(name = "subject", columnDefinition = "VARCHAR")
  private String subject;

  @Column(name = "body", columnDefinition = "VARCHAR")
  private String body;

  @Column(name = "infinite_task")
  private Boolean infiniteTask;

  @Column(name = "task_open_as_of")
  private OffsetDateTime taskOpenAsOf;

  @Column(name = "task_open_till")
  private OffsetDateTime taskOpenTill;

  @Column(name = "required_total_duration")
  private Long requiredTotalDuration;

  @Column(name = "required_no_resources")
  private Integer requiredNoResources;

  @Column(name = "appointment_earliest_allowed")
  private OffsetDateTime appointmentEarliestAllowed;

  @Column(name = "appointment_latest_allowed")
  private OffsetDateTime appointmentLatestAllowed;

  @Column(name = "url1", length = 1000)
  private String url1;

  @Column(name = "url2", length = 1000)
  private String url2;

  @Column(name = "url3", length = 1000)
  private String url3;

  @Column(name = "url_desc1", length = 255)
  private String urlDesc1;

  @Column(name = "url_desc2", length = 255)
  private String urlDesc2;

  @Column(name = "url_desc3", length = 255)
  private String urlDesc3;

  @Column(name = "certificate_no", length = 50)
  private String certificateNo;

  @Column(name = "required_total_duration_in_seconds")
  private Long requiredTotalDurationInSeconds;

  @Column(name = "do_not_count_appointment_resource")
  private Boolean doNotCountAppointmentResource;

  @Column(name = "is_complete")
  private Boolean isComplete;

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

  @Column(name = "appointment_template", length = 100)
  private String appointmentTemplate;

  @Column(name = "bulk_planning_qty", precision = 19, scale = 6)
  private BigDecimal bulkPlanningQty;

  @Column(name = "start_date")
  private OffsetDateTime startDate;

  @Column(name = "end_date")
  private OffsetDateTime endDate;

  @Column(name = "percent_done")
  private Integer percentDone;

  @Column(name = "scheduling_mode")
  private Short schedulingMode;

  @Column(name = "base_line_start_date")
  private OffsetDateTime baseLineStartDate;

  @Column(name = "base_line_end_date")
  private OffsetDateTime baseLineEndDate;

  @Column(name = "base_line_percent_done")
  private Integer baseLinePercentDone;

  @Column(name = "dead_line")
  private OffsetDateTime deadLine;

  @Column(name = "task_index")
  private Integer taskIndex;

  @Column(name = "constraint_type")
  private Integer constraintType;

  @Column(name = "constraint_date")
  private OffsetDateTime constraintDate;

  @Column(name = "parent_task_no", length = 50)
  private String parentTaskNo;

  @Column(name = "calendar_code", length = 255)
  private String calendarCode;

  @Column(name = "predecessor_task_no", length = 50)
  private String predecessorTaskNo;

  @Column(name = "predecessor_lag")
  private Integer predecessorLag;

  @Column(name = "manually_scheduled")
  private Boolean manuallyScheduled;

  @Column(name = "note", columnDefinition = "VARCHAR")
  private String note;

  @Column(name = "over_rule_gantt_planning")
  private Boolean overRuleGanttPlanning;

  @Column(name = "ignore_calendars")
  private Boolean ignoreCalendars;

  @Column(name = "container_name", length = 255)
  private String containerName;

  @Column(name = "container_index")
  private Integer containerIndex;

  @Column(name = "locked")
  private Boolean locked;

  public String getJobNo() {
    return jobNo;
  }

  public String getTaskNo() {
    return taskNo;
  }

  public Short getTaskType() {
    return taskType;
  }

  public String getShortDescription() {
    return shortDescription;
  }

  public String getDescription() {
    return description;
  }

  public String getName() {
    return name;
  }

  public String getType() {
    return type;
  }

  public String getCategory() {
    return category;
  }

  public String getTimeMarker() {
    return timeMarker;
  }

  public String getPin() {
    return pin;
  }

  public String getServiceNo() {
    return serviceNo;
  }

  public String getServiceGroup() {
    return serviceGroup;
  }

  public String getServiceClass() {
    return serviceClass;
  }

  public String getServiceSerialNo() {
    return serviceSerialNo;
  }

  public String getServiceName() {
    return serviceName;
  }

  public String getIrisFault() {
    return irisFault;
  }

  public String getIrisSymptom() {
    return irisSymptom;
  }

  public String getIrisArea() {
    return irisArea;
  }

  public String getIrisReason() {
    return irisReason;
  }

  public String getIrisResolution() {
    return irisResolution;
  }

  public String getSkill1() {
    return skill1;
  }

  public String getSkill2() {
    return skill2;
  }

  public String getSkill3() {
    return skill3;
  }

  public String getContractNo() {
    return contractNo;
  }

  public String getContractType() {
    return contractType;
  }

  public String getContractDescription() {
    return contractDescription;
  }

  public OffsetDateTime getContractStartDate() {
    return contractStartDate;
  }

  public OffsetDateTime getContractEndDate() {
    return contractEndDate;
  }

  public OffsetDateTime getPartsWarrantyStartDate() {
    return partsWarrantyStartDate;
  }

  public OffsetDateTime getPartsWarrantyEndDate() {
    return partsWarrantyEndDate;
  }

  public OffsetDateTime getLaborWarrantyStartDate() {
    return laborWarrantyStartDate;
  }

  public OffsetDateTime getLaborWarrantyEndDate() {
    return laborWarrantyEndDate;
  }

  public Short getImportance() {
    return importance;
  }

  public String getStatus() {
    return status;
  }

  public OffsetDateTime getExpectedResponseDateTime() {
    return expectedResponseDateTime;
  }

  public OffsetDateTime getActualResponseDateTime() {
    return actualResponseDateTime;
  }

  public OffsetDateTime getRequestedStartDate() {
    return requestedStartDate;
  }

  public OffsetDateTime getRequestedEndDate() {
    return requestedEndDate;
  }

  public Long getRequestedStartTime() {
    return requestedStartTime;
  }

  public Long getRequestedEndTime() {
    return requestedEndTime;
  }

  public OffsetDateTime getConfirmedStartDate() {
    return confirmedStartDate;
  }

  public OffsetDateTime getConfirmedEndDate() {
    return confirmedEndDate;
  }

  public OffsetDateTime getActualStartDate() {
    return actualStartDate;
  }

  public OffsetDateTime getActualEndDate() {
    return actualEndDate;
  }

  public String getLocationDescription() {
    return locationDescription;
  }

  public Long getDuration() {
    return duration;
  }

  public Long getDurationInSeconds() {
    return durationInSeconds;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public Boolean getInfiniteTask() {
    return infiniteTask;
  }

  public OffsetDateTime getTaskOpenAsOf() {
    return taskOpenAsOf;
  }

  public OffsetDateTime getTaskOpenTill() {
    return taskOpenTill;
  }

  public Long getRequiredTotalDuration() {
    return requiredTotalDuration;
  }

  public Integer getRequiredNoResources() {
    return requiredNoResources;
  }

  public OffsetDateTime getAppointmentEarliestAllowed() {
    return appointmentEarliestAllowed;
  }

  public OffsetDateTime getAppointmentLatestAllowed() {
    return appointmentLatestAllowed;
  }

  public String getUrl1() {
    return url1;
  }

  public String getUrl2() {
    return url2;
  }

  public String getUrl3() {
    return url3;
  }

  public String getUrlDesc1() {
    return urlDesc1;
  }

  public String getUrlDesc2() {
    return urlDesc2;
  }

  public String getUrlDesc3() {
    return urlDesc3;
  }

  public String getCertificateNo() {
    return certificateNo;
  }

  public Long getRequiredTotalDurationInSeconds() {
    return requiredTotalDurationInSeconds;
  }

  public Boolean getDoNotCountAppointmentResource() {
    return doNotCountAppointmentResource;
  }

  public Boolean getIsComplete() {
    return isComplete;
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

  public String getAppointmentTemplate() {
    return appointmentTemplate;
  }

  public BigDecimal getBulkPlanningQty() {
    return bulkPlanningQty;
  }

  public OffsetDateTime getStartDate() {
    return startDate;
  }

  public OffsetDateTime getEndDate() {
    return endDate;
  }

  public Integer getPercentDone() {
    return percentDone;
  }

  public Short getSchedulingMode() {
    return schedulingMode;
  }

  public OffsetDateTime getBaseLineStartDate() {
    return baseLineStartDate;
  }

  public OffsetDateTime getBaseLineEndDate() {
    return baseLineEndDate;
  }

  public Integer getBaseLinePercentDone() {
    return baseLinePercentDone;
  }

  public OffsetDateTime getDeadLine() {
    return deadLine;
  }

  public Integer getTaskIndex() {
    return taskIndex;
  }

  public Integer getConstraintType() {
    return constraintType;
  }

  public OffsetDateTime getConstraintDate() {
    return constraintDate;
  }

  public String getParentTaskNo() {
    return parentTaskNo;
  }

  public String getCalendarCode() {
    return calendarCode;
  }

  public String getPredecessorTaskNo() {
    return predecessorTaskNo;
  }

  public Integer getPredecessorLag() {
    return predecessorLag;
  }

  public Boolean getManuallyScheduled() {
    return manuallyScheduled;
  }

  public String getNote() {
    return note;
  }

  public Boolean getOverRuleGanttPlanning() {
    return overRuleGanttPlanning;
  }

  public Boolean getIgnoreCalendars() {
    return ignoreCalendars;
  }

  public String getContainerName() {
    return containerName;
  }

  public Integer getContainerIndex() {
    return containerIndex;
  }

  public Boolean getLocked() {
    return locked;
  }
}
