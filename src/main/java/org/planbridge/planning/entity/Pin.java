package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A map pin style referred to by name. Table {@code pin}. */
@Entity
@Table(name = "pin")
public class Pin extends Identified {

  @Column(name = "name", length = 100, nullable = false)
  private String name;

  @Column(name = "hex_color", length = 7)
  private String hexColor;

  public String getName() {
    return name;
  }

  public String getHexColor() {
    return hexColor;
  }
}
