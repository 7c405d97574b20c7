package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One value of a filter group. Table {@code filter_value}. */
@Entity
@Table(name = "filter_value")
public class FilterValue extends Identified {

  @Column(name = "filter_group_name", length = 50, nullable = false)
  private String filterGroupName;

  @Column(name = "filter_value", length = 100, nullable = false)
  private String filterValue;

  public String getFilterGroupName() {
    return filterGroupName;
  }

  public String getFilterValue() {
    return filterValue;
  }
}
