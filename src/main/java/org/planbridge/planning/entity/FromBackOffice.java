package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A row that names the back office it came from: the source app (the back-office instance) and
 * the source type (its document type). Both start the business key and are read filters. They are
 * required here; a table where they are optional says so with {@code @AttributeOverride}.
 */
@MappedSuperclass
public abstract class FromBackOffice extends Identified {

  @Column(name = "source_app", length = 30, nullable = false)
  private String sourceApp;

  @Column(name = "source_type", length = 10, nullable = false)
  private String sourceType;

  public String getSourceApp() {
    return sourceApp;
  }

  public String getSourceType() {
    return sourceType;
  }
}
