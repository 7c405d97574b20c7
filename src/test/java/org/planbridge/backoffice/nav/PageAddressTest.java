package org.planbridge.backoffice.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.planbridge.backoffice.Target;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.testing.Targets;

class PageAddressTest {

  @ParameterizedTest(name = "{0} + company {1}")
  @CsvSource(delimiter = '|', value = {
      "https://bc:7047/BC/WS/CRONUS/Page/Appointment|        |https://bc:7047/BC/WS/CRONUS/Page/Appointment",
      "https://bc:7047/BC/WS/CRONUS                 |        |https://bc:7047/BC/WS/CRONUS/Page/Appointment",
      "https://bc:7047/BC/WS/CRONUS/                |Other   |https://bc:7047/BC/WS/CRONUS/Page/Appointment",
      "https://bc:7047/BC/WS                        |CRONUS  |https://bc:7047/BC/WS/CRONUS/Page/Appointment",
      "https://bc:7047/BC                           |CRONUS  |https://bc:7047/BC/WS/CRONUS/Page/Appointment",
      "https://bc:7047/BC/                          |CRONUS  |https://bc:7047/BC/WS/CRONUS/Page/Appointment",
      "http://nav:7047/DynamicsNAV100/ws/CRONUS%20BE/page/Appointment||http://nav:7047/DynamicsNAV100/ws/CRONUS%20BE/page/Appointment"})
  void theServiceUrlComesFromTheUriAndTheCompany(String uri, String company, String expected) throws Exception {
    assertEquals(URI.create(expected), PageAddress.of(target(uri, company, null), "Page", "Appointment"));
  }

  @Test
  void aCompanyIsOnePathSegmentEncodedAsUtf8WithPercentTwentyForSpaces() throws Exception {
    URI service = PageAddress.of(target("https://bc:7047/BC", "Müller & Söhne, O'Brien Ltd.", null), "Page",
        "Appointment");
    assertEquals("https://bc:7047/BC/WS/M%C3%BCller%20%26%20S%C3%B6hne%2C%20O%27Brien%20Ltd./Page/Appointment",
        service.toString());
    assertEquals("Müller & Söhne, O'Brien Ltd.", PageAddress.company(service));
  }

  @Test
  void aServiceNameOfTheConnectorReplacesTheDefault() throws Exception {
    assertEquals(URI.create("https://bc:7047/BC/WS/CRONUS/Page/DS_Appointments"),
        PageAddress.of(target("https://bc:7047/BC/WS/CRONUS", null, "DS_Appointments"), "Page", "Appointment"));
  }

  @Test
  void withoutACompanyTheMessageSaysWhatToSet() {
    NavSetupProblem problem = assertThrows(NavSetupProblem.class,
        () -> PageAddress.of(target("https://bc:7047/BC", null, null), "Page", "Appointment"));
    assertTrue(problem.getMessage().contains("names no company"), problem.getMessage());
  }

  static Target target(String uri, String company, String service) {
    return Targets.of(BackOfficeSystem.BC, "SOAP_PAGE", uri.trim()).login("u", "p")
        .company(company == null || company.isBlank() ? null : company.trim()).service(service).build();
  }
}
