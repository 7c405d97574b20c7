package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A link the planning board offers to open a back-office document. Table {@code action_uri}. */
@Entity
@Table(name = "action_uri")
public class ActionUri {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", nullable = false)
  private Long id;

  @Column(name = "source_app", length = 30, nullable = false)
  private String sourceApp;

  @Column(name = "source_type", length = 10, nullable = false)
  private String sourceType;

  @Column(name = "url_type", nullable = false)
  private Short urlType;

  @Column(name = "url", length = 1000, nullable = false)
  private String url;

  @Column(name = "url_desc", length = 255)
  private String urlDesc;

  @Column(name = "default_url")
  private Boolean defaultUrl;

  @Column(name = "request_type")
  private Short requestType;

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

  public Short getUrlType() {
    return urlType;
  }

  public String getUrl() {
    return url;
  }

  public String getUrlDesc() {
    return urlDesc;
  }

  public Boolean getDefaultUrl() {
    return defaultUrl;
  }

  public Short getRequestType() {
    return requestType;
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
