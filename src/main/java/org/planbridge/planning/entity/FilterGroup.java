package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A group of filter values (a dimension such as skill or region). Table {@code filter_group}. */
@Entity
@Table(name = "filter_group")
public class FilterGroup extends Identified {

  @Column(name = "group_name", length = 50, nullable = false)
  private String groupName;

  @Column(name = "column_no")
  private Integer columnNo;

  @Column(name = "data_filter")
  private Boolean dataFilter;

  public String getGroupName() {
    return groupName;
  }

  public Integer getColumnNo() {
    return columnNo;
  }

  public Boolean getDataFilter() {
    return dataFilter;
  }
}
