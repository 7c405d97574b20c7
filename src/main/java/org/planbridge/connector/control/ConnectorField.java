package org.planbridge.connector.control;

/**
 * The fields a client sets on a connector, with their admin API (JSON) name and, for text, the most
 * characters (UTF-16 units, see {@code StorableText}) the column holds. The password has a limit of its own: it is stored encrypted.
 */
public enum ConnectorField {
  NAME("name", 100),
  DESCRIPTION("description", 255),
  SOURCE_APP("sourceApp", 30),
  SOURCE_TYPE("sourceType", 10),
  SEND_APPOINTMENTS("sendAppointmentToWebService", 0),
  BACK_OFFICE_SYSTEM("backOfficeSystem", 0),
  BACK_OFFICE_TYPE("backOfficeType", 50),
  URI("uri", 1000),
  /** The SHA-256 fingerprint of the server's certificate, pinned on top of the trust. */
  CERTIFICATE_FINGERPRINT("certificateFingerprint", 100),
  LOGIN("login", 255),
  PASSWORD("password", 500),
  AUTHENTICATION_TYPE("authenticationType", 0),
  COMPANY("company", 250),
  SERVICE_NAME("serviceName", 100),
  TIME_ZONE("timeZone", 60),
  /** A JSON object, held as its text. */
  FIELD_MAPPING("fieldMapping", 4000),
  /** How many transactions may be in flight at once (1 to {@link #MAX_CONCURRENCY}); null: the system's default. */
  CONCURRENCY("concurrency", 0);

  public static final int MAX_CONCURRENCY = 1000;

  private final String jsonName;
  private final int maxLength;

  ConnectorField(String jsonName, int maxLength) {
    this.jsonName = jsonName;
    this.maxLength = maxLength;
  }

  public String jsonName() {
    return jsonName;
  }

  /** Characters allowed (code points); 0 for fields that are not text. */
  public int maxLength() {
    return maxLength;
  }

  public boolean isText() {
    return maxLength > 0;
  }
}
