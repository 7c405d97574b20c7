package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A filter value attached to a task. Table {@code task_filter_value}. */
@Entity
@Table(name = "task_filter_value")
public class TaskFilterValue extends AttachedFilterValue {

  @Column(name = "job_no", length = 50, nullable = false)
  private String jobNo;

  @Column(name = "task_no", length = 50, nullable = false)
  private String taskNo;

  public String getJobNo() {
    return jobNo;
  }

  public String getTaskNo() {
    return taskNo;
  }
}
