package org.planbridge.testing.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.nav.NavSimulator.DOMAIN;
import static org.planbridge.testing.nav.NavSimulator.PASSWORD;
import static org.planbridge.testing.nav.NavSimulator.USER;
import static org.planbridge.testing.nav.NavSimulator.WINDOWS_LOGIN;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.http.Header;
import org.apache.http.HttpRequest;
import org.apache.http.auth.AuthSchemeProvider;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.AuthenticationException;
import org.apache.http.auth.Credentials;
import org.apache.http.auth.NTCredentials;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.CredentialsProvider;
import org.apache.http.client.config.AuthSchemes;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.auth.NTLMScheme;
import org.apache.http.impl.auth.NTLMSchemeFactory;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.message.BasicHeader;
import org.apache.http.util.EntityUtils;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The simulator against Apache HttpClient 4.5, as a NAV client would meet it. */
class NavSimulatorTest {

  private static final String NS = NavSimulator.NAMESPACE;
  private static final String APPOINTMENT = "<Subject>Install boiler</Subject><Job_No>J001</Job_No>"
      + "<Start_Date>2024-05-06T08:00:00Z</Start_Date><End_Date>2024-05-06T10:30:00Z</End_Date>"
      + "<Importance>High</Importance><Is_All_Day_Event>false</Is_All_Day_Event>"
      + "<Planning_Quantity>2.5</Planning_Quantity>";

  private record Answer(int status, String body, Header[] challenges) {}

  /** A client and its context: NTLM state lives in the context, the connection in the client. */
  private record Client(CloseableHttpClient http, HttpClientContext context) implements AutoCloseable {
    Answer send(HttpUriRequest request) throws IOException {
      try (CloseableHttpResponse response = http.execute(request, context)) {
        return new Answer(response.getStatusLine().getStatusCode(), EntityUtils.toString(response.getEntity(),
            StandardCharsets.UTF_8), response.getHeaders("WWW-Authenticate"));
      }
    }

    @Override
    public void close() throws IOException {
      http.close();
    }
  }

  private static Client client(Credentials credentials, Registry<AuthSchemeProvider> schemes) {
    CredentialsProvider provider = new BasicCredentialsProvider();
    if (credentials != null) {
      provider.setCredentials(AuthScope.ANY, credentials);
    }
    var builder = HttpClients.custom().setDefaultCredentialsProvider(provider);
    if (schemes != null) {
      builder.setDefaultAuthSchemeRegistry(schemes);
    }
    return new Client(builder.build(), HttpClientContext.create());
  }

  private static Client windows(String password) {
    return client(new NTCredentials(USER, password, "WORKSTATION", "cronus"), null);
  }

  private static HttpPost create(String url, String fields) {
    return soap(url, "Create", "<Create xmlns=\"" + NS + "\"><Appointment>" + fields + "</Appointment></Create>");
  }

  private static HttpPost soap(String url, String operation, String body) {
    HttpPost post = new HttpPost(url);
    post.setHeader("SOAPAction", "\"" + NS + ":" + operation + "\"");
    post.setEntity(new StringEntity("<?xml version=\"1.0\" encoding=\"utf-8\"?><s:Envelope xmlns:s=\""
        + SoapMessages.ENVELOPE_NS + "\"><s:Body>" + body + "</s:Body></s:Envelope>",
        ContentType.create("text/xml", StandardCharsets.UTF_8)));
    return post;
  }

  private static List<String> challenges(Answer answer) {
    List<String> values = new ArrayList<>();
    for (Header header : answer.challenges()) {
      values.add(header.getValue());
    }
    return values;
  }

  @Test
  void ntlmServesTheWsdlAndTakesACreate() throws Exception {
    try (NavSimulator nav = NavSimulator.start(); Client client = windows(PASSWORD)) {
      Answer wsdl = client.send(new HttpGet(nav.pageUrl()));
      assertEquals(200, wsdl.status());
      assertTrue(wsdl.body().contains("<service name=\"Appointment_Service\">"), wsdl.body());

      Answer created = client.send(create(nav.pageUrl(), "<Entry_No>99</Entry_No>" + APPOINTMENT
          + "<Resources><Appointment_Resource><Resource_No>R0010</Resource_No></Appointment_Resource></Resources>"));
      assertEquals(200, created.status(), created.body());
      assertTrue(created.body().contains("<Create_Result xmlns=\"" + NS + "\"><Appointment><Key>12;"), created.body());
      assertTrue(created.body().contains("<Entry_No>1</Entry_No>"), "Entry No. is NAV's, not the client's");
      assertTrue(created.body().contains("<Resources><Appointment_Resource><Key>"), created.body());

      Received call = nav.creates().get(0);
      assertEquals(WINDOWS_LOGIN, call.user());
      assertEquals("NTLM", call.scheme());
      assertEquals("CRONUS International Ltd.", call.company());
      assertEquals(NS + ":Create", call.soapAction());
      assertEquals(List.of("Entry_No", "Subject", "Job_No", "Start_Date", "End_Date", "Importance",
          "Is_All_Day_Event", "Planning_Quantity"), List.copyOf(call.fields().keySet()));
      assertEquals("Install boiler", call.field("Subject"));
      assertEquals(List.of(Map.of("Resource_No", "R0010")), call.resources());
      assertEquals(1, call.entryNo());
      assertEquals("1", nav.stored().get(0).fields().get("Entry_No"));
      assertEquals(1, nav.handshakes());
    }
  }

  @Test
  void bothSchemesAreOfferedNegotiateFirstAndStockNtlmGetsIn() throws Exception {
    try (NavSimulator nav = NavSimulator.builder().mode(NavSimulator.AuthMode.BOTH).start();
        Client anonymous = client(null, null); Client client = windows(PASSWORD)) {
      assertEquals(List.of("Negotiate", "NTLM"), challenges(anonymous.send(new HttpGet(nav.pageUrl()))));
      assertEquals(200, client.send(new HttpGet(nav.pageUrl())).status());
      assertEquals(200, client.send(create(nav.pageUrl(), APPOINTMENT)).status());
      assertEquals(1, nav.creates().size());
    }
  }

  @Test
  void aWrongPasswordIsRefusedAndNothingIsRecorded() throws Exception {
    try (NavSimulator nav = NavSimulator.start(); Client client = windows("wrong")) {
      Answer refused = client.send(create(nav.pageUrl(), APPOINTMENT));
      assertEquals(401, refused.status());
      assertEquals(List.of("NTLM"), challenges(refused), "a fresh challenge");
      assertTrue(nav.received().isEmpty());
      assertTrue(nav.authFailureReasons().get(0).startsWith("wrong password for " + WINDOWS_LOGIN),
          nav.authFailureReasons().toString());
    }
  }

  @Test
  void aWrongUserIsRefused() throws Exception {
    try (NavSimulator nav = NavSimulator.start();
        Client client = client(new NTCredentials("someone", PASSWORD, "WS", DOMAIN), null)) {
      assertEquals(401, client.send(new HttpGet(nav.pageUrl())).status());
      assertEquals(1, nav.authFailures());
    }
  }

  @Test
  void negotiateTakesARawNtlmTokenButNotStockHttpClient() throws Exception {
    try (NavSimulator nav = NavSimulator.builder().mode(NavSimulator.AuthMode.NEGOTIATE_ONLY).start()) {
      try (Client stock = windows(PASSWORD)) {
        Answer refused = stock.send(new HttpGet(nav.pageUrl()));
        assertEquals(401, refused.status());
        assertEquals(List.of("Negotiate"), challenges(refused));
      }
      Registry<AuthSchemeProvider> schemes = RegistryBuilder.<AuthSchemeProvider>create()
          .register(AuthSchemes.SPNEGO, context -> new NegotiateAsNtlm())
          .register(AuthSchemes.NTLM, new NTLMSchemeFactory()).build();
      try (Client client = client(new NTCredentials(USER, PASSWORD, "WS", DOMAIN), schemes)) {
        Answer created = client.send(create(nav.pageUrl(), APPOINTMENT));
        assertEquals(200, created.status(), created.body());
        assertEquals("Negotiate", nav.creates().get(0).scheme());
      }
    }
  }

  @Test
  void basicTakesThePasswordOrTheAccessKey() throws Exception {
    try (NavSimulator nav = NavSimulator.builder().mode(NavSimulator.AuthMode.BASIC)
        .user(USER.toUpperCase(Locale.ROOT)).password("secret").accessKey("KeyOf44Characters").start()) {
      for (String secret : new String[] {"secret", "KeyOf44Characters"}) {
        try (Client client = client(new UsernamePasswordCredentials(USER, secret), null)) {
          assertEquals(200, client.send(create(nav.pageUrl(), APPOINTMENT)).status());
        }
      }
      try (Client client = client(new UsernamePasswordCredentials(USER, "wrong"), null)) {
        Answer refused = client.send(create(nav.pageUrl(), APPOINTMENT));
        assertEquals(401, refused.status());
        assertEquals(List.of("Basic realm=\"127.0.0.1\""), challenges(refused));
      }
      assertEquals(2, nav.creates().size());
      assertEquals("Basic", nav.creates().get(0).scheme());
    }
  }

  @Test
  void windowsModesNeverTakeBasic() throws Exception {
    for (NavSimulator.AuthMode mode : new NavSimulator.AuthMode[] {NavSimulator.AuthMode.NTLM_ONLY,
        NavSimulator.AuthMode.NEGOTIATE_ONLY, NavSimulator.AuthMode.BOTH}) {
      try (NavSimulator nav = NavSimulator.builder().mode(mode).start(); Client client = client(null, null)) {
        HttpPost post = create(nav.pageUrl(), APPOINTMENT);
        post.setHeader("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((WINDOWS_LOGIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, client.send(post).status());
        assertEquals(1, nav.basicHeadersInWindowsMode(), mode.name());
        assertTrue(nav.received().isEmpty());
      }
    }
  }

  @Test
  void anAuthenticatedConnectionIsNotChallengedAgain() throws Exception {
    try (NavSimulator nav = NavSimulator.start()) {
      try (Client client = windows(PASSWORD)) {
        for (int i = 0; i < 3; i++) {
          assertEquals(200, client.send(create(nav.pageUrl(), APPOINTMENT)).status());
        }
      }
      assertEquals(1, nav.handshakes());
      assertEquals(List.of(5), List.copyOf(nav.requestsPerConnection().values()),
          "401, 401 with the challenge, then three answers on one connection");
      try (Client another = windows(PASSWORD)) {
        assertEquals(200, another.send(create(nav.pageUrl(), APPOINTMENT)).status());
      }
      assertEquals(2, nav.handshakes(), "a new connection authenticates again");
    }
  }

  @Test
  void companyNamesArePathEncodedAndUnknownOnesAreNotFound() throws Exception {
    String company = "Müller & Söhne, O'Brien Ltd.";
    try (NavSimulator nav = NavSimulator.builder().companies("CRONUS International Ltd.", company).start();
        Client client = windows(PASSWORD)) {
      String url = nav.pageUrl(company);
      assertTrue(url.contains("/WS/M%C3%BCller%20%26%20S%C3%B6hne%2C%20O%27Brien%20Ltd./Page/Appointment"), url);
      Answer wsdl = client.send(new HttpGet(url));
      assertEquals(200, wsdl.status());
      assertTrue(wsdl.body().contains("location=\"" + url + "\""), "the WSDL's address is the page URL");
      assertEquals(200, client.send(create(url, APPOINTMENT)).status());
      assertEquals(company, nav.creates().get(0).company());
      assertEquals(404, client.send(new HttpGet(url.replace("%20", "+"))).status(), "+ is no space in a path");
      assertEquals(404, client.send(new HttpGet(nav.pageUrl("Other Company"))).status());
      assertEquals(404, client.send(new HttpGet(url.replace("/Page/Appointment", "/Page/Customer"))).status());
      Answer services = client.send(new HttpGet(nav.servicesUrl(company)));
      assertTrue(services.body().contains("ref=\"" + url + "\""), services.body());
    }
  }

  @Test
  void aTransactionIdIsStoredOnce() throws Exception {
    try (NavSimulator nav = NavSimulator.start(); Client client = windows(PASSWORD)) {
      String fields = APPOINTMENT + "<PlanBridge_Transaction_Id>tx-42</PlanBridge_Transaction_Id>";
      assertEquals(200, client.send(create(nav.pageUrl(), fields)).status());
      Answer duplicate = client.send(create(nav.pageUrl(), fields));
      assertEquals(500, duplicate.status());
      assertTrue(duplicate.body().contains("<faultstring xml:lang=\"en-US\">The Appointment already exists. "
          + "Identification fields and values: PlanBridge Transaction Id=&apos;tx-42&apos;</faultstring>"),
          duplicate.body());
      assertEquals(1, nav.stored().size());
      assertEquals(2, nav.creates().size());
      assertFalse(nav.creates().get(1).succeeded());
    }
  }

  @Test
  void withoutTheTransactionFieldThePageRefusesIt() throws Exception {
    List<PageField> fields = PageField.appointmentDefaults();
    fields.removeIf(field -> field.name().equals(NavSimulator.TRANSACTION_FIELD));
    try (NavSimulator nav = NavSimulator.builder().fields(fields).start(); Client client = windows(PASSWORD)) {
      Answer refused = client.send(create(nav.pageUrl(), "<PlanBridge_Transaction_Id>t</PlanBridge_Transaction_Id>"));
      assertEquals(500, refused.status());
      assertTrue(refused.body().contains("PlanBridge_Transaction_Id"), refused.body());
      assertTrue(nav.stored().isEmpty());
    }
  }

  @Test
  void faultsOnDemandAreNavFaults() throws Exception {
    try (NavSimulator nav = NavSimulator.start(); Client client = windows(PASSWORD)) {
      nav.failNext(1, "Microsoft.Dynamics.Nav.Types.NavDatabaseException", "The database is locked & busy");
      Answer fault = client.send(create(nav.pageUrl(), APPOINTMENT));
      assertEquals(500, fault.status());
      assertEquals("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>"
          + "<faultcode xmlns:a=\"urn:microsoft-dynamics-schemas/error\">a:Microsoft.Dynamics.Nav.Types."
          + "NavDatabaseException</faultcode><faultstring xml:lang=\"en-US\">The database is locked &amp; busy"
          + "</faultstring><detail><string xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/\">"
          + "The database is locked &amp; busy</string></detail></s:Fault></s:Body></s:Envelope>", fault.body());
      assertEquals(200, client.send(create(nav.pageUrl(), APPOINTMENT)).status());
      nav.fault(SoapMessages.NAV_CSIDE_EXCEPTION, "down");
      assertEquals(500, client.send(create(nav.pageUrl(), APPOINTMENT)).status());
      nav.clearFault();
      assertEquals(200, client.send(create(nav.pageUrl(), APPOINTMENT)).status());
      assertEquals(2, nav.stored().size());
    }
  }

  @Test
  void badRequestsAreFaulted() throws Exception {
    List<PageField> fields = PageField.appointmentDefaults();
    fields.replaceAll(field -> field.name().equals("Job_No") ? field.asRequired() : field);
    try (NavSimulator nav = NavSimulator.builder().fields(fields).start(); Client client = windows(PASSWORD)) {
      String[][] cases = {
          {"<Job_No>J</Job_No><Colour>red</Colour>", "The field Colour is not on the page"},
          {"<Job_No>J</Job_No><Appointment_Id>12x</Appointment_Id>", "'12x' of Appointment_Id is not a valid xsd:int"},
          {"<Job_No>J</Job_No><Importance>Urgent</Importance>", "'Urgent' is not a valid value for Importance"},
          {"<Job_No>J</Job_No><Start_Date>tomorrow</Start_Date>", "not a valid xsd:dateTime"},
          {"<Subject>no job</Subject>", "The field Job_No of Appointment must have a value."}};
      for (String[] bad : cases) {
        Answer fault = client.send(create(nav.pageUrl(), bad[0]));
        assertEquals(500, fault.status());
        assertTrue(fault.body().contains(bad[1].replace("'", "&apos;")), fault.body());
      }
      HttpPost wrongAction = create(nav.pageUrl(), "<Job_No>J</Job_No>");
      wrongAction.setHeader("SOAPAction", "\"" + NS + ":Update\"");
      assertTrue(client.send(wrongAction).body().contains("does not match the operation Create"));
      assertTrue(nav.stored().isEmpty());
      Answer update = client.send(soap(nav.pageUrl(), "Update", "<Update xmlns=\"" + NS + "\"><Appointment>"
          + "<Key>x</Key></Appointment></Update>"));
      assertTrue(update.body().contains("not supported by this simulator"), update.body());
    }
  }

  @Test
  void theWsdlHasKeyFirstTheConfiguredFieldsAndTheRequiredOnes() throws Exception {
    List<PageField> fields = PageField.appointmentDefaults();
    fields.removeIf(field -> field.name().equals("Body"));
    fields.add(PageField.of("Service Order No.", PageField.Type.STRING).asRequired());
    try (NavSimulator nav = NavSimulator.builder().fields(fields).start(); Client client = windows(PASSWORD)) {
      Answer wsdl = client.send(new HttpGet(nav.pageUrl()));
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(wsdl.body())))
          .getDocumentElement();
      assertEquals(NS, root.getAttribute("targetNamespace"));
      Element appointment = null;
      NodeList types = root.getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "complexType");
      for (int i = 0; i < types.getLength(); i++) {
        Element type = (Element) types.item(i);
        if (type.getAttribute("name").equals("Appointment")) {
          appointment = type;
        }
      }
      NodeList elements = appointment.getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "element");
      List<String> names = new ArrayList<>();
      for (int i = 0; i < elements.getLength(); i++) {
        Element element = (Element) elements.item(i);
        names.add(element.getAttribute("name") + "/" + element.getAttribute("minOccurs"));
      }
      assertEquals("Key/0", names.get(0));
      assertEquals("Entry_No/0", names.get(1));
      assertTrue(names.contains("Service_Order_No/1"), names.toString());
      assertTrue(names.contains("PlanBridge_Transaction_Id/0"), names.toString());
      assertEquals("Resources/0", names.get(names.size() - 1));
      assertFalse(names.contains("Body/0"));
      assertTrue(wsdl.body().contains("<xsd:simpleType name=\"Importance\"><xsd:restriction base=\"xsd:string\">"
          + "<xsd:enumeration value=\"Low\"/>"));
      assertTrue(wsdl.body().contains("soapAction=\"" + NS + ":Create\""));
      assertTrue(wsdl.body().contains("<xsd:element minOccurs=\"1\" maxOccurs=\"unbounded\" name="
          + "\"Appointment_Resource\" type=\"tns:Appointment_Resource\"/>"));
    }
  }

  @Test
  void readFindsARecordByEntryNo() throws Exception {
    try (NavSimulator nav = NavSimulator.start(); Client client = windows(PASSWORD)) {
      client.send(create(nav.pageUrl(), APPOINTMENT));
      Answer read = client.send(soap(nav.pageUrl(), "Read", "<Read xmlns=\"" + NS + "\"><Entry_No>1</Entry_No></Read>"));
      assertTrue(read.body().contains("<Subject>Install boiler</Subject>"), read.body());
      Answer none = client.send(soap(nav.pageUrl(), "Read", "<Read xmlns=\"" + NS + "\"><Entry_No>5</Entry_No></Read>"));
      assertTrue(none.body().contains("<Read_Result xmlns=\"" + NS + "\"/>"), none.body());
      Answer many = client.send(soap(nav.pageUrl(), "ReadMultiple", "<ReadMultiple xmlns=\"" + NS + "\">"
          + "<setSize>10</setSize></ReadMultiple>"));
      assertTrue(many.body().contains("<Entry_No>1</Entry_No>"), many.body());
    }
  }

  @Test
  void statusAndDelayOnDemand() throws Exception {
    try (NavSimulator nav = NavSimulator.start(); Client client = windows(PASSWORD)) {
      nav.answerStatus(1, 503, 7);
      try (CloseableHttpResponse response = client.http().execute(new HttpGet(nav.pageUrl()), client.context())) {
        assertEquals(503, response.getStatusLine().getStatusCode());
        assertEquals("7", response.getFirstHeader("Retry-After").getValue());
        EntityUtils.consume(response.getEntity());
      }
      nav.delay(Duration.ofMillis(300));
      long start = System.nanoTime();
      assertEquals(200, client.send(create(nav.pageUrl(), APPOINTMENT)).status());
      assertTrue(System.nanoTime() - start >= 300_000_000L);
      assertEquals(1, nav.received().size());
      assertNull(nav.received().get(0).fault());
    }
  }

  @Test
  void aThrottleAnswersAuthenticatedCallsOnlyIisStyleAndKeepsNone() throws Exception {
    try (NavSimulator nav = NavSimulator.start(); Client client = windows(PASSWORD)) {
      nav.throttle(1, 429, "120");
      try (CloseableHttpResponse wsdl = client.http().execute(new HttpGet(nav.pageUrl()), client.context())) {
        assertEquals(200, wsdl.getStatusLine().getStatusCode(), "a WSDL fetch is no call");
        EntityUtils.consume(wsdl.getEntity());
      }
      try (CloseableHttpResponse throttled = client.http().execute(create(nav.pageUrl(), APPOINTMENT),
          client.context())) {
        assertEquals(429, throttled.getStatusLine().getStatusCode());
        assertEquals("120", throttled.getFirstHeader("Retry-After").getValue());
        assertEquals("", EntityUtils.toString(throttled.getEntity()), "no body, no SOAP fault");
      }
      nav.throttle(1, 503, "Mon, 23 Nov 2026 12:01:30 GMT");
      try (CloseableHttpResponse throttled = client.http().execute(create(nav.pageUrl(), APPOINTMENT),
          client.context())) {
        assertEquals(503, throttled.getStatusLine().getStatusCode());
        assertEquals("Mon, 23 Nov 2026 12:01:30 GMT", throttled.getFirstHeader("Retry-After").getValue());
        assertTrue(EntityUtils.toString(throttled.getEntity()).contains("HTTP Error 503. The service is unavailable."));
      }
      assertEquals(List.of(), nav.received(), "a throttled call is not processed");
      assertEquals(1, nav.handshakes(), "throttled after the handshake, on the same connection");
      assertEquals(200, client.send(create(nav.pageUrl(), APPOINTMENT)).status());
      assertEquals(1, nav.stored().size());
    }
  }

  /**
   * Negotiate carrying a raw NTLM token, as Windows accepts it: HttpClient's NTLM under the name
   * Negotiate. A test of the simulator only.
   */
  private static final class NegotiateAsNtlm extends NTLMScheme {
    @Override
    public String getSchemeName() {
      return "Negotiate";
    }

    @Override
    @SuppressWarnings("deprecation")
    public Header authenticate(Credentials credentials, HttpRequest request) throws AuthenticationException {
      Header header = super.authenticate(credentials, request);
      return new BasicHeader(header.getName(), header.getValue().replaceFirst("^NTLM ", "Negotiate "));
    }
  }
}
