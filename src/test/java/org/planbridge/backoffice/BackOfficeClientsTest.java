package org.planbridge.backoffice;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.planbridge.backoffice.bconline.BcOnlineClient;
import org.planbridge.backoffice.nav.NavCodeunitClient;
import org.planbridge.backoffice.nav.NavPageClient;
import org.planbridge.backoffice.webhook.WebhookClient;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.testing.Targets;

/** Which client a connector's system and type get. */
class BackOfficeClientsTest {

  final BackOfficeClients clients = new BackOfficeClients();

  BackOfficeClientsTest() {
    clients.navPage = new NavPageClient();
    clients.navCodeunit = new NavCodeunitClient();
    clients.bcOnline = new BcOnlineClient();
    clients.webhook = new WebhookClient();
  }

  @Test
  void eachSystemAndTypeGetsItsClientBusinessCentralOnlineRestAndBothSoap() {
    assertSame(clients.bcOnline, clients.of(target(BackOfficeSystem.BC_ONLINE, null)));
    assertSame(clients.bcOnline, clients.of(target(BackOfficeSystem.BC_ONLINE, "REST_API_PAGE")));
    assertSame(clients.navPage, clients.of(target(BackOfficeSystem.BC_ONLINE, "SOAP_PAGE")));
    assertSame(clients.navCodeunit, clients.of(target(BackOfficeSystem.BC_ONLINE, "SOAP_CODEUNIT")));
    assertSame(clients.navPage, clients.of(target(BackOfficeSystem.NAV, "SOAP_PAGE")));
    assertSame(clients.navPage, clients.of(target(BackOfficeSystem.NAV, null)), "the system's default type");
    assertSame(clients.navCodeunit, clients.of(target(BackOfficeSystem.NAV, "SOAP_CODEUNIT")));
    assertSame(clients.bcOnline, clients.of(target(BackOfficeSystem.BC, "REST_API_PAGE")));
    assertSame(clients.webhook, clients.of(target(BackOfficeSystem.WEBHOOK, "WEBHOOK")));
  }

  @Test
  void aTypeWithNoClientIsFailedSayingWhatThereIs() {
    Target odata = target(BackOfficeSystem.BC_ONLINE, "ODATA");
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> clients.of(odata).send(new Delivery(1,
        "{}", odata)));
    assertTrue(failed.getMessage().contains("no BC_ONLINE ODATA client"), failed.getMessage());
    assertTrue(failed.getMessage().contains("Business Central online also over SOAP_PAGE and SOAP_CODEUNIT"),
        failed.getMessage());
  }

  static Target target(BackOfficeSystem system, String type) {
    return Targets.of(system, type, "https://bc.example/x").build();
  }
}
