package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A filter value attached to a resource. Table {@code resource_filter_value}. */
@Entity
@Table(name = "resource_filter_value")
public class ResourceFilterValue {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", nullable = false)
  private Long id;

  @Column(name = "source_app", length = 30)
  private String sourceApp;

  @Column(name = "source_type", length = 10)
  private String sourceType;

  @Column(name = "resource_no", length = 50, nullable = false)
  private String resourceNo;

  @Column(name = "filter_group", length = 50, nullable = false)
  private String filterGroup;

  @Column(name = "filter_value", length = 100, nullable = false)
  private String filterValue;

  @Column(name = "transfer_to_temp")
  private Boolean transferToTemp;

  // row_version, created_at, updated_at: set by the database on insert and by the import engine on update.
  @Column(name = "row_version", nullable = false, insertable = false, updatable = false)
  private Long rowVersion;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
  private OffsetDateTime updatedAt;

  public Long getId() {
    return id;
  }

  public String getSourceApp() {
    return sourceApp;
  }

  public String getSourceType() {
    return sourceType;
  }

  public String getResourceNo() {
    return resourceNo;
  }

  public String getFilterGroup() {
    return filterGroup;
  }

  public String getFilterValue() {
    return filterValue;
  }

  public Boolean getTransferToTemp() {
    return transferToTemp;
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
