package org.planbridge.backoffice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.planbridge.backoffice.bconline.BcOnlineClient;
import org.planbridge.backoffice.nav.NavCodeunitClient;
import org.planbridge.backoffice.nav.NavPageClient;
import org.planbridge.backoffice.webhook.WebhookClient;
import org.planbridge.connector.entity.BackOfficeSystem;

/** The client for a target's system and protocol ("back-office type"). */
@ApplicationScoped
public class BackOfficeClients {

  @Inject WebhookClient webhook;
  @Inject NavPageClient navPage;
  @Inject NavCodeunitClient navCodeunit;
  @Inject BcOnlineClient bcOnline;

  public BackOfficeClient of(Target target) {
    if (target.system() == BackOfficeSystem.WEBHOOK) {
      return webhook;
    }
    // The type as the system knows it (its default when empty); SOAP on BC online is the fallback, deprecated by
    // Microsoft there and being removed.
    return switch (target.system().type(target.type()).orElse(target.type())) {
      case "SOAP_PAGE" -> navPage;
      case "SOAP_CODEUNIT" -> navCodeunit;
      case "REST_API_PAGE" -> bcOnline;
      default -> new NotYet(target);
    };
  }

  /** A protocol this version does not speak yet: every delivery Failed, saying so. */
  private record NotYet(Target target) implements BackOfficeClient {

    private String why() {
      return "PlanBridge has no " + target.system() + " " + target.type() + " client yet: this version delivers to"
          + " NAV and Business Central on premises over SOAP_PAGE and SOAP_CODEUNIT, to Business Central online and on"
          + " premises over REST_API_PAGE, to Business Central online also over SOAP_PAGE and SOAP_CODEUNIT (deprecated"
          + " there by Microsoft), and to WEBHOOK connectors";
    }

    @Override
    public void send(Delivery delivery) throws DeliveryFailed {
      throw new DeliveryFailed(why());
    }

    @Override
    public long longestDeliveryMs(Target ignored) {
      return 0;
    }

    @Override
    public List<CheckStep> check(Target ignored) {
      return List.of(new CheckStep("client", false, 0, why()));
    }
  }
}
