package org.planbridge.backoffice.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planbridge.backoffice.Target;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.testing.Targets;

class NavLoginTest {

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource(delimiter = '|', value = {
      "CRONUS\\navuser       |          |WINDOWS|navuser            |CRONUS",
      "navuser@cronus.local  |          |WINDOWS|navuser@cronus.local|",
      "navuser               |          |WINDOWS|navuser            |",
      "CRONUS\\navuser       |NTLM      |WINDOWS|navuser            |CRONUS",
      "basic=navuser         |          |BASIC  |navuser            |",
      "BASIC=navuser         |WINDOWS   |WINDOWS|navuser            |",
      "navuser               |BASIC     |BASIC  |navuser            |",
      "navuser               |NONE      |NONE   |                   |"})
  void theLoginIsReadAsDimeSchedulerConnectorsHoldIt(String login, Authentication type, NavLogin.Kind kind,
      String user, String domain) throws Exception {
    NavLogin read = NavLogin.of(target(login.trim(), "secret", type));
    assertEquals(kind, read.kind());
    if (kind != NavLogin.Kind.NONE) {
      assertEquals(user, read.user());
      assertEquals(kind == NavLogin.Kind.WINDOWS ? (domain == null ? "" : domain) : null, read.domain());
      assertEquals("secret", read.password());
    }
  }

  @Test
  void blankCredentialsAreRefusedWithWhatToGive() {
    NavSetupProblem windows = assertThrows(NavSetupProblem.class, () -> NavLogin.of(target("", "", null)));
    assertTrue(windows.getMessage().startsWith("credentials are required"), windows.getMessage());
    NavSetupProblem basic = assertThrows(NavSetupProblem.class, () -> NavLogin.of(target(" ", null,
        Authentication.BASIC)));
    assertTrue(basic.getMessage().contains("access key"), basic.getMessage());
  }

  @Test
  void oauthIsNotForSoapOnPremises() {
    NavSetupProblem problem = assertThrows(NavSetupProblem.class, () -> NavLogin.of(target("tenant",
        "client_id=a&client_secret=b", Authentication.OAUTH2_CLIENT_CREDENTIALS_BODY)));
    assertTrue(problem.getMessage().contains("OAuth2"), problem.getMessage());
  }

  @Test
  void theDescriptionNamesTheLoginAndNeverThePassword() throws Exception {
    NavLogin login = NavLogin.of(target("CRONUS\\navuser", "Sup3r-secret", null));
    assertEquals("Windows authentication (NTLM) as 'CRONUS\\navuser'", login.describe());
    assertFalse(login.toString().contains("Sup3r-secret"));
  }

  static Target target(String login, String password, Authentication type) {
    return Targets.of(BackOfficeSystem.NAV, "SOAP_PAGE", "http://nav:7047/NAV/WS/CRONUS").login(login, password)
        .authentication(type).build();
  }
}
