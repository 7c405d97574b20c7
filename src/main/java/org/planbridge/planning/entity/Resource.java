package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A resource (person, vehicle, tool) that appointments are assigned to. Key: resource number. Table {@code resource}. */
@Entity
@Table(name = "resource")
public class Resource {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", nullable = false)
  private Long id;

  @Column(name = "resource_no", length = 50, nullable = false)
  private String resourceNo;

  @Column(name = "source_app", length = 30)
  private String sourceApp;

  @Column(name = "source_type", length = 10)
  private String sourceType;

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

  @Column(name = "free_text1", length = 100)
  private String freeText1;

  @Column(name = "free_text2", length = 100)
  private String freeText2;

  @Column(name = "free_text3", length = 100)
  private String freeText3;

  @Column(name = "free_text4", length = 100)
  private String freeText4;

  @Column(name = "free_text5", length = 100)
  private String freeText5;

  @Column(name = "free_text6", length = 100)
  private String freeText6;

  @Column(name = "free_text7", length = 100)
  private String freeText7;

  @Column(name = "free_text8", length = 100)
  private String freeText8;

  @Column(name = "free_text9", length = 100)
  private String freeText9;

  @Column(name = "free_text10", length = 100)
  private String freeText10;

  @Column(name = "free_text11", length = 100)
  private String freeText11;

  @Column(name = "free_text12", length = 100)
  private String freeText12;

  @Column(name = "free_text13", length = 100)
  private String freeText13;

  @Column(name = "free_text14", length = 100)
  private String freeText14;

  @Column(name = "free_text15", length = 100)
  private String freeText15;

  @Column(name = "free_text16", length = 100)
  private String freeText16;

  @Column(name = "free_text17", length = 100)
  private String freeText17;

  @Column(name = "free_text18", length = 100)
  private String freeText18;

  @Column(name = "free_text19", length = 100)
  private String freeText19;

  @Column(name = "free_text20", length = 100)
  private String freeText20;

  @Column(name = "free_decimal1", precision = 19, scale = 6)
  private BigDecimal freeDecimal1;

  @Column(name = "free_decimal2", precision = 19, scale = 6)
  private BigDecimal freeDecimal2;

  @Column(name = "free_decimal3", precision = 19, scale = 6)
  private BigDecimal freeDecimal3;

  @Column(name = "free_decimal4", precision = 19, scale = 6)
  private BigDecimal freeDecimal4;

  @Column(name = "free_decimal5", precision = 19, scale = 6)
  private BigDecimal freeDecimal5;

  @Column(name = "free_date1")
  private OffsetDateTime freeDate1;

  @Column(name = "free_date2")
  private OffsetDateTime freeDate2;

  @Column(name = "free_date3")
  private OffsetDateTime freeDate3;

  @Column(name = "free_date4")
  private OffsetDateTime freeDate4;

  @Column(name = "free_date5")
  private OffsetDateTime freeDate5;

  @Column(name = "free_bit1")
  private Boolean freeBit1;

  @Column(name = "free_bit2")
  private Boolean freeBit2;

  @Column(name = "free_bit3")
  private Boolean freeBit3;

  @Column(name = "free_bit4")
  private Boolean freeBit4;

  @Column(name = "free_bit5")
  private Boolean freeBit5;

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

  public String getResourceNo() {
    return resourceNo;
  }

  public String getSourceApp() {
    return sourceApp;
  }

  public String getSourceType() {
    return sourceType;
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

  public String getFreeText1() {
    return freeText1;
  }

  public String getFreeText2() {
    return freeText2;
  }

  public String getFreeText3() {
    return freeText3;
  }

  public String getFreeText4() {
    return freeText4;
  }

  public String getFreeText5() {
    return freeText5;
  }

  public String getFreeText6() {
    return freeText6;
  }

  public String getFreeText7() {
    return freeText7;
  }

  public String getFreeText8() {
    return freeText8;
  }

  public String getFreeText9() {
    return freeText9;
  }

  public String getFreeText10() {
    return freeText10;
  }

  public String getFreeText11() {
    return freeText11;
  }

  public String getFreeText12() {
    return freeText12;
  }

  public String getFreeText13() {
    return freeText13;
  }

  public String getFreeText14() {
    return freeText14;
  }

  public String getFreeText15() {
    return freeText15;
  }

  public String getFreeText16() {
    return freeText16;
  }

  public String getFreeText17() {
    return freeText17;
  }

  public String getFreeText18() {
    return freeText18;
  }

  public String getFreeText19() {
    return freeText19;
  }

  public String getFreeText20() {
    return freeText20;
  }

  public BigDecimal getFreeDecimal1() {
    return freeDecimal1;
  }

  public BigDecimal getFreeDecimal2() {
    return freeDecimal2;
  }

  public BigDecimal getFreeDecimal3() {
    return freeDecimal3;
  }

  public BigDecimal getFreeDecimal4() {
    return freeDecimal4;
  }

  public BigDecimal getFreeDecimal5() {
    return freeDecimal5;
  }

  public OffsetDateTime getFreeDate1() {
    return freeDate1;
  }

  public OffsetDateTime getFreeDate2() {
    return freeDate2;
  }

  public OffsetDateTime getFreeDate3() {
    return freeDate3;
  }

  public OffsetDateTime getFreeDate4() {
    return freeDate4;
  }

  public OffsetDateTime getFreeDate5() {
    return freeDate5;
  }

  public Boolean getFreeBit1() {
    return freeBit1;
  }

  public Boolean getFreeBit2() {
    return freeBit2;
  }

  public Boolean getFreeBit3() {
    return freeBit3;
  }

  public Boolean getFreeBit4() {
    return freeBit4;
  }

  public Boolean getFreeBit5() {
    return freeBit5;
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
