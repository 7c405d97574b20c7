package org.planbridge.backoffice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.DeliveryDesk.END;
import static org.planbridge.testing.DeliveryDesk.START;
import static org.planbridge.testing.nav.NavSimulator.PASSWORD;
import static org.planbridge.testing.nav.NavSimulator.USER;
import static org.planbridge.testing.nav.NavSimulator.WINDOWS_LOGIN;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.DeliveryDesk;
import org.planbridge.testing.bconline.BcApiStub;
import org.planbridge.testing.bconline.EntraStub;
import org.planbridge.testing.nav.NavSimulator;
import org.planbridge.testing.nav.NavSimulator.AuthMode;
import org.planbridge.testing.nav.Received;
import org.planbridge.testing.SuiteServer;

/**
 * Every contract with every login it takes, end to end: over the HTTP API, from the WAR on the server, an
 * appointment imported, moved, unassigned and deleted reaches the back office as four records (I, U, U, D), each
 * checked field by field under the contract's own names, with the login and scheme the back office saw. One
 * deployment and one back office per way of signing in serve every case; each case has a Source App of its own.
 * The failure of a wrong credential, the fix and the retry: here for SOAP_CODEUNIT, in {@code NavDeliveryIT} for
 * SOAP_PAGE and in {@code BcOnlineDeliveryIT} for REST_API_PAGE.
 */
class DeliveryMatrixIT {

  static final String ACCESS_KEY = "q2Xw7Zk1+Lm9Pd4Rt6Yv0Bn3Hs8Jc5Fg/WeAiOuQ=";
  static final String CLIENT_CREDENTIALS = EntraStub.PASSWORD;
  static final String MOVED_START = "2024-05-02T10:00:00Z";
  static final String MOVED_END = "2024-05-02T12:00:00Z";
  static final List<String> ACTIONS = List.of("I", "U", "U", "D");

  /** A contract: the connector's system and type, and the names its records give PlanBridge's fields. */
  enum Contract {
    SOAP_PAGE("NAV", "Normal", "action", "Database_Action", "transactionId", "PlanBridge_Transaction_Id",
        "appointmentId", "Appointment_Id", "sourceApp", "Source_App", "sourceType", "Source_Type", "jobNo", "Job_No",
        "taskNo", "Task_No", "subject", "Subject", "start", "Start_Date", "end", "End_Date", "durationSeconds",
        "Duration_Sec", "allDay", "Is_All_Day_Event", "sentFromBackOffice", "Sent_From_Backoffice", "importance",
        "Importance"),
    SOAP_CODEUNIT("BC", "0", "action", "action", "transactionId", "transactionId", "appointmentId", "appointmentId",
        "appointmentGuid", "appointmentGuid", "sourceApp", "sourceApp", "sourceType", "sourceType", "jobNo", "jobNo",
        "taskNo", "taskNo", "subject", "subject", "start", "startDateTime", "end", "endDateTime", "allDay", "allDay",
        "importance", "importance"),
    REST_API_PAGE("BC_ONLINE", "Normal", "action", "databaseAction", "transactionId", "planBridgeTransactionId",
        "appointmentId", "appointmentId", "sourceApp", "sourceApp", "sourceType", "sourceType", "jobNo", "jobNo",
        "taskNo", "taskNo", "subject", "subject", "start", "startDate", "end", "endDate", "allDay", "isAllDayEvent",
        "sentFromBackOffice", "sentFromBackoffice", "importance", "importance");

    final String system;
    /** How the contract writes the importance an appointment has when none is imported (the SDK's Medium, 0). */
    final String normalImportance;
    /** PlanBridge's field to the contract's name for it, for every field the contract carries. */
    final Map<String, String> names = new LinkedHashMap<>();

    Contract(String system, String normalImportance, String... fieldsAndNames) {
      this.system = system;
      this.normalImportance = normalImportance;
      for (int i = 0; i < fieldsAndNames.length; i += 2) {
        names.put(fieldsAndNames[i], fieldsAndNames[i + 1]);
      }
    }
  }

  /** A way of signing in: the connector's login, password and authentication type, and what the server sees. */
  enum Login {
    NTLM("Windows (NTLM)", AuthMode.NTLM_ONLY, WINDOWS_LOGIN, PASSWORD, null, WINDOWS_LOGIN, "NTLM"),
    NEGOTIATE("Windows (Negotiate)", AuthMode.NEGOTIATE_ONLY, WINDOWS_LOGIN, PASSWORD, "WINDOWS",
        WINDOWS_LOGIN, "Negotiate"),
    BASIC("Basic", AuthMode.BASIC, USER, PASSWORD, "BASIC", USER, "Basic"),
    BASIC_PREFIX("Basic by the login basic=", AuthMode.BASIC, "basic=" + USER, PASSWORD, null, USER, "Basic"),
    ACCESS_KEY("Basic with the web service access key", AuthMode.BASIC, USER, DeliveryMatrixIT.ACCESS_KEY,
        "BASIC", USER, "Basic"),
    BEARER("a Bearer token of OAuth2 client credentials, SOAP on BC online", AuthMode.BEARER, EntraStub.TENANT,
        CLIENT_CREDENTIALS, null, "Bearer", "Bearer"),
    CLIENT_SECRET_IN_BODY("OAuth2 client credentials in the body", null, EntraStub.TENANT, CLIENT_CREDENTIALS,
        "OAUTH2_CLIENT_CREDENTIALS_BODY", EntraStub.CLIENT_ID + "@" + EntraStub.TENANT, EntraStub.Via.BODY.name()),
    CLIENT_SECRET_AS_BASIC("OAuth2 client credentials as Basic", null, EntraStub.TENANT, CLIENT_CREDENTIALS,
        "OAUTH2_CLIENT_CREDENTIALS_BASIC", EntraStub.CLIENT_ID + "@" + EntraStub.TENANT, EntraStub.Via.BASIC.name());

    final String label;
    /** How the NAV simulator asks for credentials; null: Entra ID's client credentials, for BC online. */
    final AuthMode mode;
    final String login;
    final String password;
    final String authenticationType;
    /** Who the back office saw sign in, and by which scheme. */
    final String seenAs;
    final String scheme;

    Login(String label, AuthMode mode, String login, String password, String authenticationType, String seenAs,
        String scheme) {
      this.label = label;
      this.mode = mode;
      this.login = login;
      this.password = password;
      this.authenticationType = authenticationType;
      this.seenAs = seenAs;
      this.scheme = scheme;
    }

    boolean windows() {
      return mode == AuthMode.NTLM_ONLY || mode == AuthMode.NEGOTIATE_ONLY;
    }
  }

  record Case(Contract contract, Login login) {
    @Override
    public String toString() {
      return contract + " with " + login.label;
    }
  }

  /** One record as the back office received it: PlanBridge's fields (by PlanBridge's names), lines and sign-in. */
  record Arrival(Map<String, String> fields, List<String> resources, String seenAs, String scheme, String fault) {}

  /** The SOAP contracts with every on-premises login and, on BC online, a Bearer token; the API page with OAuth2. */
  static Stream<Case> cases() {
    return Arrays.stream(Contract.values()).flatMap(contract -> Arrays.stream(Login.values())
        .filter(login -> (login.mode == null) == (contract == Contract.REST_API_PAGE))
        .map(login -> new Case(contract, login)));
  }

  static final Map<AuthMode, NavSimulator> NAVS = new EnumMap<>(AuthMode.class);
  static EntraStub entra;
  static BcApiStub bc;

  @BeforeAll
  static void startBackOffices() throws Exception {
    entra = EntraStub.start(URI.create(System.getenv("PLANBRIDGE_BCONLINE_AUTHORITY")).getPort());
    NAVS.put(AuthMode.BEARER, NavSimulator.builder().instance("v2.0/" + EntraStub.TENANT + "/production")
        .bearer(entra::valid).start());
    NAVS.put(AuthMode.NTLM_ONLY, NavSimulator.builder().mode(AuthMode.NTLM_ONLY).password(PASSWORD).start());
    NAVS.put(AuthMode.NEGOTIATE_ONLY, NavSimulator.builder().mode(AuthMode.NEGOTIATE_ONLY).password(PASSWORD).start());
    NAVS.put(AuthMode.BASIC, NavSimulator.builder().mode(AuthMode.BASIC).user(USER).password(PASSWORD)
        .accessKey(ACCESS_KEY).start());
    bc = BcApiStub.start(entra);
  }

  @AfterAll
  static void stopBackOffices() {
    NAVS.values().forEach(NavSimulator::close);
    NAVS.clear();
    if (bc != null) {
      bc.close();
    }
    if (entra != null) {
      entra.close();
    }
  }


  final URL base = SuiteServer.base();

  DeliveryDesk desk;

  @BeforeEach
  void desk() {
    desk = new DeliveryDesk(new ApiClient(base));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void anAppointmentImportedMovedUnassignedAndDeletedArrivesAsFourRecordsFieldByField(Case c) {
    String app = sourceApp();
    desk.connector(app, connector(c, c.login().password));
    long id = desk.appointment(app, "J-1", "Visit");
    desk.awaitSuccesses(app, 1);
    desk.move(app, id, "J-1", MOVED_START, MOVED_END);
    desk.awaitSuccesses(app, 2);
    desk.unassign(app, id);
    desk.awaitSuccesses(app, 3);
    desk.delete(app, id);
    desk.awaitSuccesses(app, 4);

    List<JsonObject> transactions = desk.transactions(app);
    assertEquals(ACTIONS, transactions.stream().map(t -> t.getString("action")).toList(), "the transactions");
    List<Arrival> arrivals = received(c, app);
    assertEquals(4, arrivals.size(), "one record per change, the deletion included: " + arrivals);
    for (int i = 0; i < 4; i++) {
      JsonObject transaction = transactions.get(i);
      Arrival arrival = arrivals.get(i);
      String record = c + ", record " + (i + 1) + " (" + ACTIONS.get(i) + "): ";
      assertEquals(1, transaction.getInt("attempts"), record + "delivered at the first attempt");
      assertNull(arrival.fault(), record + "answered without a fault");
      Map<String, String> expected = expected(c.contract(), i, transaction, app, id);
      c.contract().names.forEach((field, name) ->
          assertEquals(expected.get(field), arrival.fields().get(field), record + name));
      assertEquals(i < 2 ? List.of("R-" + app) : List.of(), arrival.resources(),
          record + "the resource lines (none once unassigned)");
      assertEquals(c.login().seenAs, arrival.seenAs(), record + "who signed in");
      assertEquals(c.login().scheme, arrival.scheme(), record + "how");
    }
    if (c.login().windows()) {
      assertEquals(0, NAVS.get(c.login().mode).basicHeadersInWindowsMode(),
          "a Windows password never travels as Basic");
    }
  }

  @Test
  void aCodeunitConnectorWithAWrongAccessKeyFailsWithTheCredentialsHintAndAFixedConnectorPlusARetryDelivers() {
    Case c = new Case(Contract.SOAP_CODEUNIT, Login.ACCESS_KEY);
    String app = sourceApp();
    long connector = desk.connector(app, connector(c, "Wrong-Key-1"));
    long id = desk.appointment(app, "J-1", "Visit");
    desk.awaitStatus(app, "Failed");
    String message = desk.only(app).getString("message");
    assertTrue(message.contains("HTTP 401"), message);
    assertTrue(message.contains("NAV refused Basic authentication as '" + USER + "'"), message);
    assertTrue(message.contains("Check the connector's login and password"), message);
    assertFalse(message.contains("Wrong-Key-1"), "never the key: " + message);
    assertEquals(List.of(), received(c, app), "nothing reached the codeunit");

    desk.changeConnector(connector, app, connector(c, ACCESS_KEY));
    desk.retryOnly(app);
    desk.awaitStatus(app, "Success");
    JsonObject transaction = desk.only(app);
    assertEquals(2, transaction.getInt("attempts"), transaction.toString());
    List<Arrival> arrivals = received(c, app);
    assertEquals(1, arrivals.size(), arrivals.toString());
    assertEquals(String.valueOf(transaction.getJsonNumber("id").longValue()),
        arrivals.get(0).fields().get("transactionId"));
    assertEquals(String.valueOf(id), arrivals.get(0).fields().get("appointmentId"));
  }

  /** What record {@code index} of the four must carry, by PlanBridge's field names. */
  static Map<String, String> expected(Contract contract, int index, JsonObject transaction, String app, long id) {
    String start = index == 0 ? START : MOVED_START;
    String end = index == 0 ? END : MOVED_END;
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("action", ACTIONS.get(index));
    expected.put("transactionId", String.valueOf(transaction.getJsonNumber("id").longValue()));
    expected.put("appointmentId", String.valueOf(id));
    expected.put("appointmentGuid", transaction.getString("appointmentGuid"));
    expected.put("sourceApp", app);
    expected.put("sourceType", "SO");
    expected.put("jobNo", "J-1");
    expected.put("taskNo", "T-1");
    expected.put("subject", "Visit");
    expected.put("start", start);
    expected.put("end", end);
    expected.put("durationSeconds", String.valueOf(Duration.between(Instant.parse(start), Instant.parse(end))
        .toSeconds()));
    expected.put("allDay", "false");
    expected.put("sentFromBackOffice", "false");
    expected.put("importance", contract.normalImportance);
    return expected;
  }

  /** Everything the case's back office received for the Source App, in order. */
  static List<Arrival> received(Case c, String app) {
    Contract contract = c.contract();
    return switch (contract) {
      case SOAP_PAGE -> NAVS.get(c.login().mode).creates().stream()
          .filter(r -> app.equals(r.field("Source_App")))
          .map(r -> soap(contract, r, r.resources().stream().map(line -> line.get("Resource_No")).toList()))
          .toList();
      case SOAP_CODEUNIT -> NAVS.get(c.login().mode).codeunitCalls().stream()
          .filter(r -> app.equals(r.field("sourceApp")))
          .map(r -> soap(contract, r, r.field("resources").isEmpty() ? List.of()
              : List.of(r.field("resources").split("\\|"))))
          .toList();
      case REST_API_PAGE -> bc.received().stream()
          .filter(r -> app.equals(r.getString("sourceApp", null)))
          .map(DeliveryMatrixIT::rest)
          .toList();
    };
  }

  static Arrival soap(Contract contract, Received call, List<String> resources) {
    return new Arrival(byField(contract, call.fields()), resources, call.user(), call.scheme(), call.fault());
  }

  static Arrival rest(JsonObject record) {
    Map<String, String> values = new LinkedHashMap<>();
    record.forEach((name, value) -> values.put(name, value instanceof JsonString s ? s.getString() : value.toString()));
    List<String> resources = record.getJsonArray("resources").getValuesAs(JsonObject.class).stream()
        .map(line -> line.getString("resourceNo")).toList();
    EntraStub.Grant grant = bc.grant(record);
    String seenAs = grant == null ? null : grant.clientId() + "@" + grant.tenant();
    return new Arrival(byField(Contract.REST_API_PAGE, values), resources, seenAs,
        grant == null ? null : grant.via().name(), null);
  }

  /** The values of the contract's names, under PlanBridge's field names (null where a name is missing). */
  static Map<String, String> byField(Contract contract, Map<String, String> values) {
    Map<String, String> fields = new LinkedHashMap<>();
    contract.names.forEach((field, name) -> fields.put(field, values.get(name)));
    return fields;
  }

  /** The case's connector, as the README's curl creates one, with this password (or key, or client secret). */
  static JsonObjectBuilder connector(Case c, String password) {
    Login login = c.login();
    String uri = switch (c.contract()) {
      case SOAP_PAGE -> NAVS.get(login.mode).pageUrl();
      case SOAP_CODEUNIT -> NAVS.get(login.mode).codeunitUrl(NavSimulator.CODEUNIT);
      case REST_API_PAGE -> bc.url();
    };
    JsonObjectBuilder connector = Json.createObjectBuilder().add("sourceType", "SO")
        .add("sendAppointmentToWebService", true)
        .add("backOfficeSystem", login.mode == AuthMode.BEARER ? "BC_ONLINE" : c.contract().system)
        .add("backOfficeType", c.contract().name()).add("uri", uri).add("login", login.login).add("password", password);
    if (login.authenticationType == null) {
      connector.add("authenticationType", JsonValue.NULL);
    } else {
      connector.add("authenticationType", login.authenticationType);
    }
    return c.contract() == Contract.REST_API_PAGE ? connector.add("company", BcApiStub.COMPANY) : connector;
  }

  static String sourceApp() {
    return "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
