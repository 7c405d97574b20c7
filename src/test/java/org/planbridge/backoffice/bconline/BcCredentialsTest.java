package org.planbridge.backoffice.bconline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.nav.NavSetupProblem;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.testing.Targets;

/** The password as administrators write it, the URI as they give it. */
class BcCredentialsTest {

  static Target target(String uri, String login, String password, Authentication type, String service) {
    return Targets.of(BackOfficeSystem.BC_ONLINE, "REST_API_PAGE", uri).login(login, password).authentication(type)
        .service(service).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"client_id=abc&client_secret=s%26t%3D~x", "client_secret=s%26t%3D~x&client_id=abc",
      "  client_id = abc & client_secret=s%26t%3D~x  ", "CLIENT_ID=abc&Client_Secret=s%26t%3D~x&resource=ignored"})
  void eitherOrderEncodedAndSpacedReadsTheSame(String password) throws Exception {
    BcCredentials credentials = BcCredentials.of(target("https://bc/x", " tenant.onmicrosoft.com ", password, null,
        null));
    assertEquals("tenant.onmicrosoft.com", credentials.tenant());
    assertEquals("abc", credentials.clientId());
    assertEquals("s&t=~x", credentials.clientSecret());
    assertFalse(credentials.basic());
    assertFalse(credentials.toString().contains("s&t"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"client_id=abc|it has no client_secret",
      "client_secret=Top~Secret|it has no client_id", "Top~Secret|it has no client_id and no client_secret",
      "''|it is empty", "client_id=abc&client_secret=50%|is not URL-encoded correctly"})
  void aMalformedPasswordSaysWhatIsWrongAndNeverTheSecret(String password, String says) {
    NavSetupProblem problem = assertThrows(NavSetupProblem.class, () -> BcCredentials.of(target("https://bc/x",
        "tenant", password, Authentication.OAUTH2_CLIENT_CREDENTIALS_BASIC, null)));
    assertTrue(problem.getMessage().contains(says), problem.getMessage());
    assertFalse(problem.getMessage().contains("Top~Secret"), problem.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://api.businesscentral.dynamics.com/v2.0/t/production|https://api.businesscentral.dynamics.com/v2.0/t/"
          + "production/api/dimeSoftware/dimeScheduler/v1.0|",
      "https://bc:7048/BC/api/dimeSoftware/dimeScheduler/v1.0/|https://bc:7048/BC/api/dimeSoftware/dimeScheduler/v1.0|",
      "https://h/v2.0/t/e/api/dimeSoftware/dimeScheduler/v1.0/companies(5d115c9c-44e3-ea11-bb43-000d3a2feca1)"
          + "|https://h/v2.0/t/e/api/dimeSoftware/dimeScheduler/v1.0|5d115c9c-44e3-ea11-bb43-000d3a2feca1",
      "https://h/v2.0/t/e/api/acme/planning/v2.0/companies(1)/appointments|https://h/v2.0/t/e/api/acme/planning/v2.0|1"})
  void theUriIsTheApiBaseOrRootWithACompany(String uri, String root, String company) throws Exception {
    BcAddress address = BcAddress.of(target(uri, "t", "", null, null));
    assertEquals(root, address.root().toString());
    assertEquals(company, address.company());
    assertEquals(URI.create(root + "/companies(9)/appointments"), address.entities("9"));
    assertEquals("slots", BcAddress.of(target(uri, "t", "", null, "slots")).entitySet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://h/v2.0/t/e/WS/CRONUS/Page/Appointment", "https://h/BC/ODataV4", "ftp://h/x",
      "https://h/api/v2.0"})
  void aSoapOrODataOrOtherUriIsRefused(String uri) {
    NavSetupProblem refused = assertThrows(NavSetupProblem.class, () -> BcAddress.of(target(uri, "t", "", null,
        null)));
    assertTrue(refused.getMessage().contains("the URI " + uri + " is "), refused.getMessage());
  }
}
