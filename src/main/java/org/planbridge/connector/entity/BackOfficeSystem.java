package org.planbridge.connector.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * The kind of back office a connector delivers to. The numbers are the JS SDK's
 * {@code BackOfficeSystemType} (Nav = 1, Bc = 2, BcOAuth = 3, Webhook = 4), which clients send; the
 * names are what PlanBridge stores and answers. BC_ONLINE is Business Central online (OAuth2), the
 * SDK's BcOAuth.
 */
public enum BackOfficeSystem {
  NAV(1),
  BC(2),
  BC_ONLINE(3),
  WEBHOOK(4);

  private final int sdkNumber;

  BackOfficeSystem(int sdkNumber) {
    this.sdkNumber = sdkNumber;
  }

  public int sdkNumber() {
    return sdkNumber;
  }

  /**
   * A system from a name (NAV, BC, BC_ONLINE, WEBHOOK, or the SDK's Nav, Bc, BcOAuth, Webhook; any
   * case) or an SDK number (1 to 4); empty when it is none of these.
   */
  public static Optional<BackOfficeSystem> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String name = text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    return Optional.ofNullable(switch (name) {
      case "1", "nav" -> NAV;
      case "2", "bc" -> BC;
      case "3", "bconline", "bcoauth" -> BC_ONLINE;
      case "4", "webhook" -> WEBHOOK;
      default -> null;
    });
  }

  /** What a client may send, for messages. */
  public static String accepted() {
    return "NAV, BC, BC_ONLINE or WEBHOOK (or the SDK numbers Nav = 1, Bc = 2, BcOAuth = 3, Webhook = 4)";
  }
}
