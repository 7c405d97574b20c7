package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A filter value (of a filter group) attached to a task or a resource: the columns the two
 * attachment tables share. Each subclass adds the key of what it is attached to.
 */
@MappedSuperclass
public abstract class AttachedFilterValue extends FromBackOffice {

  @Column(name = "filter_group", length = 50, nullable = false)
  private String filterGroup;

  @Column(name = "filter_value", length = 100, nullable = false)
  private String filterValue;

  @Column(name = "transfer_to_temp")
  private Boolean transferToTemp;

  public String getFilterGroup() {
    return filterGroup;
  }

  public String getFilterValue() {
    return filterValue;
  }

  public Boolean getTransferToTemp() {
    return transferToTemp;
  }
}
