package org.planbridge.planning.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A filter value attached to a resource. Table {@code resource_filter_value}. */
@Entity
@Table(name = "resource_filter_value")
// Unlike the other back-office rows, these need not name their source app and type (nullable columns).
@AttributeOverride(name = "sourceApp", column = @Column(name = "source_app", length = 30))
@AttributeOverride(name = "sourceType", column = @Column(name = "source_type", length = 10))
public class ResourceFilterValue extends AttachedFilterValue {

  @Column(name = "resource_no", length = 50, nullable = false)
  private String resourceNo;

  public String getResourceNo() {
    return resourceNo;
  }
}
