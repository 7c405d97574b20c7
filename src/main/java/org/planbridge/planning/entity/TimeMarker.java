package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A time marker (a coloured indicator on an appointment) referred to by name. Table {@code time_marker}. */
@Entity
@Table(name = "time_marker")
public class TimeMarker {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", nullable = false)
  private Long id;

  @Column(name = "time_marker", length = 100, nullable = false)
  private String timeMarker;

  @Column(name = "hex_color", length = 7)
  private String hexColor;

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

  public String getTimeMarker() {
    return timeMarker;
  }

  public String getHexColor() {
    return hexColor;
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
