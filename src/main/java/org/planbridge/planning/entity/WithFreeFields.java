package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The 35 free fields (20 texts, 5 decimals, 5 dates, 5 flags) that jobs, tasks and resources carry
 * for whatever a back office wants to show on the planning board. One class so the three tables
 * cannot drift apart; a superclass rather than an {@code @Embedded} value so the fields stay at
 * the top level of each row's JSON ({@code "freeText1"}, not {@code "free": {"text1"}}).
 */
@MappedSuperclass
public abstract class WithFreeFields extends FromBackOffice {

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
}
