package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A job (order, project) of a back office, the parent of its tasks. Key: source app, source type, job number. Table {@code job}. */
@Entity
@Table(name = "job")
public class Job extends WithFreeFields {

  @Column(name = "job_no", length = 50, nullable = false)
  private String jobNo;

  @Column(name = "short_description", length = 50, nullable = false)
  private String shortDescription;

  @Column(name = "description", columnDefinition = "VARCHAR")
  private String description;

  @Column(name = "type", length = 50)
  private String type;

  @Column(name = "name", length = 255)
  private String name;

  @Column(name = "category", length = 100)
  private String category;

  @Column(name = "time_marker", length = 100)
  private String timeMarker;

  @Column(name = "pin", length = 100)
  private String pin;

  @Column(name = "customer_no", length = 20)
  private String customerNo;

  @Column(name = "customer_name", length = 50)
  private String customerName;

  @Column(name = "customer_address", columnDefinition = "VARCHAR")
  private String customerAddress;

  @Column(name = "customer_address_geo_long", precision = 12, scale = 8)
  private BigDecimal customerAddressGeoLong;

  @Column(name = "customer_address_geo_lat", precision = 12, scale = 8)
  private BigDecimal customerAddressGeoLat;

  @Column(name = "customer_phone", length = 50)
  private String customerPhone;

  @Column(name = "customer_email", length = 50)
  private String customerEmail;

  @Column(name = "contact_no", length = 20)
  private String contactNo;

  @Column(name = "contact_name", length = 50)
  private String contactName;

  @Column(name = "contact_address", columnDefinition = "VARCHAR")
  private String contactAddress;

  @Column(name = "contact_address_geo_long", precision = 12, scale = 8)
  private BigDecimal contactAddressGeoLong;

  @Column(name = "contact_address_geo_lat", precision = 12, scale = 8)
  private BigDecimal contactAddressGeoLat;

  @Column(name = "contact_phone", length = 50)
  private String contactPhone;

  @Column(name = "contact_email", length = 50)
  private String contactEmail;

  @Column(name = "site_no", length = 20)
  private String siteNo;

  @Column(name = "site_name", length = 50)
  private String siteName;

  @Column(name = "site_address", columnDefinition = "VARCHAR")
  private String siteAddress;

  @Column(name = "site_address_geo_long", precision = 12, scale = 8)
  private BigDecimal siteAddressGeoLong;

  @Column(name = "site_address_geo_lat", precision = 12, scale = 8)
  private BigDecimal siteAddressGeoLat;

  @Column(name = "site_phone", length = 50)
  private String sitePhone;

  @Column(name = "site_email", length = 50)
  private String siteEmail;

  @Column(name = "site_region", length = 10)
  private String siteRegion;

  @Column(name = "site_street", length = 255)
  private String siteStreet;

  @Column(name = "site_street_no", length = 20)
  private String siteStreetNo;

  @Column(name = "site_postcode", length = 20)
  private String sitePostcode;

  @Column(name = "site_city", length = 50)
  private String siteCity;

  @Column(name = "site_county", length = 50)
  private String siteCounty;

  @Column(name = "site_state", length = 50)
  private String siteState;

  @Column(name = "site_country", length = 50)
  private String siteCountry;

  @Column(name = "site_from_no", length = 20)
  private String siteFromNo;

  @Column(name = "site_from_name", length = 50)
  private String siteFromName;

  @Column(name = "site_from_address", columnDefinition = "VARCHAR")
  private String siteFromAddress;

  @Column(name = "site_from_address_geo_long", precision = 12, scale = 8)
  private BigDecimal siteFromAddressGeoLong;

  @Column(name = "site_from_address_geo_lat", precision = 12, scale = 8)
  private BigDecimal siteFromAddressGeoLat;

  @Column(name = "site_from_phone", length = 50)
  private String siteFromPhone;

  @Column(name = "site_from_email", length = 50)
  private String siteFromEmail;

  @Column(name = "site_from_region", length = 10)
  private String siteFromRegion;

  @Column(name = "site_from_street", length = 255)
  private String siteFromStreet;

  @Column(name = "site_from_street_no", length = 20)
  private String siteFromStreetNo;

  @Column(name = "site_from_postcode", length = 20)
  private String siteFromPostcode;

  @Column(name = "site_from_city", length = 50)
  private String siteFromCity;

  @Column(name = "site_from_county", length = 50)
  private String siteFromCounty;

  @Column(name = "site_from_state", length = 50)
  private String siteFromState;

  @Column(name = "site_from_country", length = 50)
  private String siteFromCountry;

  @Column(name = "bill_no", length = 20)
  private String billNo;

  @Column(name = "bill_name", length = 50)
  private String billName;

  @Column(name = "bill_address", columnDefinition = "VARCHAR")
  private String billAddress;

  @Column(name = "bill_address_geo_long", precision = 12, scale = 8)
  private BigDecimal billAddressGeoLong;

  @Column(name = "bill_address_geo_lat", precision = 12, scale = 8)
  private BigDecimal billAddressGeoLat;

  @Column(name = "bill_phone", length = 50)
  private String billPhone;

  @Column(name = "bill_email", length = 50)
  private String billEmail;

  @Column(name = "bill_region", length = 10)
  private String billRegion;

  @Column(name = "importance")
  private Short importance;

  @Column(name = "creation_date_time")
  private OffsetDateTime creationDateTime;

  @Column(name = "customer_reference", length = 50)
  private String customerReference;

  @Column(name = "language", length = 10)
  private String language;

  @Column(name = "responsible", length = 50)
  private String responsible;

  @Column(name = "creator", length = 50)
  private String creator;

  @Column(name = "enable_manual_selection")
  private Boolean enableManualSelection;

  @Column(name = "available_in_gantt")
  private Boolean availableInGantt;

  @Column(name = "start_date")
  private OffsetDateTime startDate;

  @Column(name = "end_date")
  private OffsetDateTime endDate;

  @Column(name = "allow_dependencies")
  private Boolean allowDependencies;

  @Column(name = "note", columnDefinition = "VARCHAR")
  private String note;

  @Column(name = "over_rule_gantt_planning")
  private Boolean overRuleGanttPlanning;

  @Column(name = "read_only")
  private Boolean readOnly;

  public String getJobNo() {
    return jobNo;
  }

  public String getShortDescription() {
    return shortDescription;
  }

  public String getDescription() {
    return description;
  }

  public String getType() {
    return type;
  }

  public String getName() {
    return name;
  }

  public String getCategory() {
    return category;
  }

  public String getTimeMarker() {
    return timeMarker;
  }

  public String getPin() {
    return pin;
  }

  public String getCustomerNo() {
    return customerNo;
  }

  public String getCustomerName() {
    return customerName;
  }

  public String getCustomerAddress() {
    return customerAddress;
  }

  public BigDecimal getCustomerAddressGeoLong() {
    return customerAddressGeoLong;
  }

  public BigDecimal getCustomerAddressGeoLat() {
    return customerAddressGeoLat;
  }

  public String getCustomerPhone() {
    return customerPhone;
  }

  public String getCustomerEmail() {
    return customerEmail;
  }

  public String getContactNo() {
    return contactNo;
  }

  public String getContactName() {
    return contactName;
  }

  public String getContactAddress() {
    return contactAddress;
  }

  public BigDecimal getContactAddressGeoLong() {
    return contactAddressGeoLong;
  }

  public BigDecimal getContactAddressGeoLat() {
    return contactAddressGeoLat;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public String getSiteNo() {
    return siteNo;
  }

  public String getSiteName() {
    return siteName;
  }

  public String getSiteAddress() {
    return siteAddress;
  }

  public BigDecimal getSiteAddressGeoLong() {
    return siteAddressGeoLong;
  }

  public BigDecimal getSiteAddressGeoLat() {
    return siteAddressGeoLat;
  }

  public String getSitePhone() {
    return sitePhone;
  }

  public String getSiteEmail() {
    return siteEmail;
  }

  public String getSiteRegion() {
    return siteRegion;
  }

  public String getSiteStreet() {
    return siteStreet;
  }

  public String getSiteStreetNo() {
    return siteStreetNo;
  }

  public String getSitePostcode() {
    return sitePostcode;
  }

  public String getSiteCity() {
    return siteCity;
  }

  public String getSiteCounty() {
    return siteCounty;
  }

  public String getSiteState() {
    return siteState;
  }

  public String getSiteCountry() {
    return siteCountry;
  }

  public String getSiteFromNo() {
    return siteFromNo;
  }

  public String getSiteFromName() {
    return siteFromName;
  }

  public String getSiteFromAddress() {
    return siteFromAddress;
  }

  public BigDecimal getSiteFromAddressGeoLong() {
    return siteFromAddressGeoLong;
  }

  public BigDecimal getSiteFromAddressGeoLat() {
    return siteFromAddressGeoLat;
  }

  public String getSiteFromPhone() {
    return siteFromPhone;
  }

  public String getSiteFromEmail() {
    return siteFromEmail;
  }

  public String getSiteFromRegion() {
    return siteFromRegion;
  }

  public String getSiteFromStreet() {
    return siteFromStreet;
  }

  public String getSiteFromStreetNo() {
    return siteFromStreetNo;
  }

  public String getSiteFromPostcode() {
    return siteFromPostcode;
  }

  public String getSiteFromCity() {
    return siteFromCity;
  }

  public String getSiteFromCounty() {
    return siteFromCounty;
  }

  public String getSiteFromState() {
    return siteFromState;
  }

  public String getSiteFromCountry() {
    return siteFromCountry;
  }

  public String getBillNo() {
    return billNo;
  }

  public String getBillName() {
    return billName;
  }

  public String getBillAddress() {
    return billAddress;
  }

  public BigDecimal getBillAddressGeoLong() {
    return billAddressGeoLong;
  }

  public BigDecimal getBillAddressGeoLat() {
    return billAddressGeoLat;
  }

  public String getBillPhone() {
    return billPhone;
  }

  public String getBillEmail() {
    return billEmail;
  }

  public String getBillRegion() {
    return billRegion;
  }

  public Short getImportance() {
    return importance;
  }

  public OffsetDateTime getCreationDateTime() {
    return creationDateTime;
  }

  public String getCustomerReference() {
    return customerReference;
  }

  public String getLanguage() {
    return language;
  }

  public String getResponsible() {
    return responsible;
  }

  public String getCreator() {
    return creator;
  }

  public Boolean getEnableManualSelection() {
    return enableManualSelection;
  }

  public Boolean getAvailableInGantt() {
    return availableInGantt;
  }

  public OffsetDateTime getStartDate() {
    return startDate;
  }

  public OffsetDateTime getEndDate() {
    return endDate;
  }

  public Boolean getAllowDependencies() {
    return allowDependencies;
  }

  public String getNote() {
    return note;
  }

  public Boolean getOverRuleGanttPlanning() {
    return overRuleGanttPlanning;
  }

  public Boolean getReadOnly() {
    return readOnly;
  }
}
