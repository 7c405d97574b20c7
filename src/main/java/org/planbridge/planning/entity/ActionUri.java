package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A link the planning board offers to open a back-office document. Table {@code action_uri}. */
@Entity
@Table(name = "action_uri")
public class ActionUri extends FromBackOffice {

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
}
