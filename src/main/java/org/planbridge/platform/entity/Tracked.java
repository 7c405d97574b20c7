package org.planbridge.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/**
 * The change-tracking columns every planning table and the connector table have. They are read-only
 * to JPA: the database sets them on insert and the import engine (or {@code Connectors}) on update,
 * and the read API pages and feeds changes by them ({@code rowVersion} is unique and only grows).
 */
@MappedSuperclass
public abstract class Tracked {

  @Column(name = "row_version", nullable = false, insertable = false, updatable = false)
  private Long rowVersion;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
  private OffsetDateTime updatedAt;

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
