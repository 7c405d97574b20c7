package org.planbridge.planning.entity;

import java.io.Serializable;
import java.util.Objects;

/** The key of an {@link Assignment}: the appointment and the resource assigned to it. */
public class AssignmentId implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long appointmentId;
  private String resourceNo;

  public AssignmentId() {}

  public AssignmentId(Long appointmentId, String resourceNo) {
    this.appointmentId = appointmentId;
    this.resourceNo = resourceNo;
  }

  public Long getAppointmentId() {
    return appointmentId;
  }

  public String getResourceNo() {
    return resourceNo;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AssignmentId that
        && Objects.equals(appointmentId, that.appointmentId)
        && Objects.equals(resourceNo, that.resourceNo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(appointmentId, resourceNo);
  }
}
