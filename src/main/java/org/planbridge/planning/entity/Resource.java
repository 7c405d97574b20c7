package org.planbridge.planning.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A resource (person, vehicle, tool) that appointments are assigned to. Key: resource number. Table {@code resource}. */
@Entity
@Table(name = "resource")
// Unlike the other back-office rows, these need not name their source app and type (nullable columns).
@AttributeOverride(name = "sourceApp", column = @Column(name = "source_app", length = 30))
@AttributeOverride(name = "sourceType", column = @Column(name = "source_type", length = 10))
public class Resource extends WithFreeFields {

  @Column(name = "resource_no", length = 50, nullable = false)
  private String resourceNo;

  @Column(name = "resource_type", length = 100)
  private String resourceType;

  @Column(name = "resource_type_id")
  private Integer resourceTypeId;

  @Column(name = "resource_name", length = 100)
  private String resourceName;

  @Column(name = "display_name", length = 100)
  private String displayName;

  @Column(name = "department", length = 50)
  private String department;

  @Column(name = "email", length = 100)
  private String email;

  @Column(name = "phone", length = 50)
  private String phone;

  @Column(name = "mobile_phone", length = 50)
  private String mobilePhone;

  @Column(name = "replacement_resource")
  private Boolean replacementResource;

  @Column(name = "field_service_email", length = 100)
  private String fieldServiceEmail;

  @Column(name = "personal_email", length = 100)
  private String personalEmail;

  @Column(name = "gps_tracking_resource_no", length = 50)
  private String gpsTrackingResourceNo;

  @Column(name = "home_address", columnDefinition = "VARCHAR")
  private String homeAddress;

  @Column(name = "home_address_geo_long", precision = 12, scale = 8)
  private BigDecimal homeAddressGeoLong;

  @Column(name = "home_address_geo_lat", precision = 12, scale = 8)
  private BigDecimal homeAddressGeoLat;

  @Column(name = "home_phone", length = 50)
  private String homePhone;

  @Column(name = "home_email", length = 50)
  private String homeEmail;

  @Column(name = "home_street", length = 255)
  private String homeStreet;

  @Column(name = "home_street_no", length = 20)
  private String homeStreetNo;

  @Column(name = "home_postcode", length = 20)
  private String homePostcode;

  @Column(name = "home_city", length = 50)
  private String homeCity;

  @Column(name = "home_county", length = 50)
  private String homeCounty;

  @Column(name = "home_state", length = 50)
  private String homeState;

  @Column(name = "home_country", length = 50)
  private String homeCountry;

  @Column(name = "home_region", length = 10)
  private String homeRegion;

  @Column(name = "team_code", length = 20)
  private String teamCode;

  @Column(name = "team_name", length = 100)
  private String teamName;

  @Column(name = "team_type", length = 20)
  private String teamType;

  @Column(name = "team_sort")
  private Integer teamSort;

  @Column(name = "team_member_type", length = 20)
  private String teamMemberType;

  @Column(name = "team_member_sort")
  private Integer teamMemberSort;

  @Column(name = "do_not_show")
  private Boolean doNotShow;

  @Column(name = "in_service_from")
  private OffsetDateTime inServiceFrom;

  @Column(name = "in_service_till")
  private OffsetDateTime inServiceTill;

  @Column(name = "exchange_integration_enabled")
  private Boolean exchangeIntegrationEnabled;

  @Column(name = "url1", length = 1000)
  private String url1;

  @Column(name = "url2", length = 1000)
  private String url2;

  @Column(name = "url3", length = 1000)
  private String url3;

  @Column(name = "url_desc1", length = 255)
  private String urlDesc1;

  @Column(name = "url_desc2", length = 255)
  private String urlDesc2;

  @Column(name = "url_desc3", length = 255)
  private String urlDesc3;

  @Column(name = "bulk_planning")
  private Boolean bulkPlanning;

  @Column(name = "bulk_capacity", precision = 19, scale = 6)
  private BigDecimal bulkCapacity;

  @Column(name = "resource_gps_tracking_enabled")
  private Boolean resourceGpsTrackingEnabled;

  @Column(name = "pin", length = 100)
  private String pin;

  public String getResourceNo() {
    return resourceNo;
  }

  public String getResourceType() {
    return resourceType;
  }

  public Integer getResourceTypeId() {
    return resourceTypeId;
  }

  public String getResourceName() {
    return resourceName;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getDepartment() {
    return department;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public String getMobilePhone() {
    return mobilePhone;
  }

  public Boolean getReplacementResource() {
    return replacementResource;
  }

  public String getFieldServiceEmail() {
    return fieldServiceEmail;
  }

  public String getPersonalEmail() {
    return personalEmail;
  }

  public String getGpsTrackingResourceNo() {
    return gpsTrackingResourceNo;
  }

  public String getHomeAddress() {
    return homeAddress;
  }

  public BigDecimal getHomeAddressGeoLong() {
    return homeAddressGeoLong;
  }

  public BigDecimal getHomeAddressGeoLat() {
    return homeAddressGeoLat;
  }

  public String getHomePhone() {
    return homePhone;
  }

  public String getHomeEmail() {
    return homeEmail;
  }

  public String getHomeStreet() {
    return homeStreet;
  }

  public String getHomeStreetNo() {
    return homeStreetNo;
  }

  public String getHomePostcode() {
    return homePostcode;
  }

  public String getHomeCity() {
    return homeCity;
  }

  public String getHomeCounty() {
    return homeCounty;
  }

  public String getHomeState() {
    return homeState;
  }

  public String getHomeCountry() {
    return homeCountry;
  }

  public String getHomeRegion() {
    return homeRegion;
  }

  public String getTeamCode() {
    return teamCode;
  }

  public String getTeamName() {
    return teamName;
  }

  public String getTeamType() {
    return teamType;
  }

  public Integer getTeamSort() {
    return teamSort;
  }

  public String getTeamMemberType() {
    return teamMemberType;
  }

  public Integer getTeamMemberSort() {
    return teamMemberSort;
  }

  public Boolean getDoNotShow() {
    return doNotShow;
  }

  public OffsetDateTime getInServiceFrom() {
    return inServiceFrom;
  }

  public OffsetDateTime getInServiceTill() {
    return inServiceTill;
  }

  public Boolean getExchangeIntegrationEnabled() {
    return exchangeIntegrationEnabled;
  }

  public String getUrl1() {
    return url1;
  }

  public String getUrl2() {
    return url2;
  }

  public String getUrl3() {
    return url3;
  }

  public String getUrlDesc1() {
    return urlDesc1;
  }

  public String getUrlDesc2() {
    return urlDesc2;
  }

  public String getUrlDesc3() {
    return urlDesc3;
  }

  public Boolean getBulkPlanning() {
    return bulkPlanning;
  }

  public BigDecimal getBulkCapacity() {
    return bulkCapacity;
  }

  public Boolean getResourceGpsTrackingEnabled() {
    return resourceGpsTrackingEnabled;
  }

  public String getPin() {
    return pin;
  }
}
