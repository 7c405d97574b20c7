package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A colour category that appointments and tasks refer to by name. Table {@code category}. */
@Entity
@Table(name = "category")
public class Category extends Identified {

  @Column(name = "category_name", length = 100, nullable = false)
  private String categoryName;

  @Column(name = "display_name", length = 100)
  private String displayName;

  @Column(name = "category_hex_color", length = 7)
  private String categoryHexColor;

  public String getCategoryName() {
    return categoryName;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getCategoryHexColor() {
    return categoryHexColor;
  }
}
