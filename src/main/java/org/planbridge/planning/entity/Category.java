package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A colour category that appointments and tasks refer to by name. Table {@code category}. */
@Entity
@Table(name = "category")
public class Category {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", nullable = false)
  private Long id;

  @Column(name = "category_name", length = 100, nullable = false)
  private String categoryName;

  @Column(name = "display_name", length = 100)
  private String displayName;

  @Column(name = "category_hex_color", length = 7)
  private String categoryHexColor;

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

  public String getCategoryName() {
    return categoryName;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getCategoryHexColor() {
    return categoryHexColor;
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
