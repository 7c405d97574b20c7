package org.planbridge.connector.entity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kind of back office a connector delivers to. The numbers are the JS SDK's
 * {@code BackOfficeSystemType} (Nav = 1, Bc = 2, BcOAuth = 3, Webhook = 4), which clients send; the
 * names are what PlanBridge stores and answers. BC_ONLINE is Business Central online (OAuth2), the
 * SDK's BcOAuth.
 */
public enum BackOfficeSystem {
  NAV(1, List.of("SOAP_PAGE", "SOAP_CODEUNIT"), 0),
  BC(2, List.of("SOAP_PAGE", "SOAP_CODEUNIT", "REST_API_PAGE"), 0),
  /** Processes about 5 requests of one principal at once and queues the rest (Microsoft's documented limits). */
  BC_ONLINE(3, List.of("REST_API_PAGE", "SOAP_CODEUNIT", "SOAP_PAGE"), 5),
  WEBHOOK(4, List.of("WEBHOOK"), 0);

  private final int sdkNumber;
  private final List<String> types;
  private final int defaultConcurrency;

  BackOfficeSystem(int sdkNumber, List<String> types, int defaultConcurrency) {
    this.sdkNumber = sdkNumber;
    this.types = types;
    this.defaultConcurrency = defaultConcurrency;
  }

  /**
   * How many transactions of a connector of this system may be in flight at once, on all instances together, when
   * the connector sets no {@code concurrency}; 0: no limit of the system's own (the drain's parallelism).
   */
  public int defaultConcurrency() {
    return defaultConcurrency;
  }

  /**
   * The limit in force for a connector of {@code system} (null: none set) whose own {@code concurrency} is given
   * (null: none set): its own, else the system's {@link #defaultConcurrency()}; 0: no limit but the drain's.
   */
  public static int concurrencyLimit(BackOfficeSystem system, Integer concurrency) {
    if (concurrency != null) {
      return concurrency;
    }
    return system == null ? 0 : system.defaultConcurrency;
  }

  /**
   * The protocols ("back-office types") that fit this system; the first is what an empty type means. For NAV and
   * BC that is the page {@code SOAP_PAGE}, what "SOAP" means in Dime.Scheduler's connector setup.
   */
  public List<String> types() {
    return types;
  }

  /** The type as this system knows it (spaces and dashes as underscores, any case), or empty when it does not fit. */
  public Optional<String> type(String type) {
    if (type == null || type.isBlank()) {
      return Optional.of(types.get(0));
    }
    String normalized = type.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return types.contains(normalized) ? Optional.of(normalized) : Optional.empty();
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
