package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A time marker (a coloured indicator on an appointment) referred to by name. Table {@code time_marker}. */
@Entity
@Table(name = "time_marker")
public class TimeMarker extends Identified {

  @Column(name = "time_marker", length = 100, nullable = false)
  private String timeMarker;

  @Column(name = "hex_color", length = 7)
  private String hexColor;

  public String getTimeMarker() {
    return timeMarker;
  }

  public String getHexColor() {
    return hexColor;
  }
}
