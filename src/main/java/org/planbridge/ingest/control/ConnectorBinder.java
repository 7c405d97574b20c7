package org.planbridge.ingest.control;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.planbridge.connector.control.ConnectorField;
import org.planbridge.connector.control.ConnectorInput;
import org.planbridge.connector.control.ConnectorViolation;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.planning.control.ColumnNames;

/**
 * Binds the parameters of {@code mboc_upsertConnector} / {@code mboc_addConnector} /
 * {@code mboc_deleteConnector} (and the typed route {@code connector}, whose JSON fields arrive as
 * parameters) to a connector's fields, with the SDKs' names: {@code WebServiceAddress} (typed:
 * {@code Uri}), {@code BackOfficeSystem} (JS), and NET's {@code Type}, {@code AuthType}
 * ({@code AuthenticationType}) and {@code ApiType}, which set the system and protocol when no
 * {@code BackOfficeSystem} is sent. As elsewhere in the import, null is "not sent" and an empty
 * string clears; a delete reads only {@code SourceApp}. No message quotes a password or a system value.
 */
final class ConnectorBinder {

  private static final Map<String, ConnectorField> FIELDS = Map.ofEntries(
      Map.entry("name", ConnectorField.NAME),
      Map.entry("description", ConnectorField.DESCRIPTION),
      Map.entry("sourceapp", ConnectorField.SOURCE_APP),
      Map.entry("sourcetype", ConnectorField.SOURCE_TYPE),
      Map.entry("sendappointmenttowebservice", ConnectorField.SEND_APPOINTMENTS),
      Map.entry("webserviceaddress", ConnectorField.URI),
      Map.entry("uri", ConnectorField.URI),
      Map.entry("backofficesystem", ConnectorField.BACK_OFFICE_SYSTEM),
      Map.entry("backofficetype", ConnectorField.BACK_OFFICE_TYPE),
      Map.entry("login", ConnectorField.LOGIN),
      Map.entry("password", ConnectorField.PASSWORD));

  /** NET's ConnectorType, ConnectorAuthType and ConnectorApiType: read to derive the system; CrudTypes is not. */
  private static final Set<String> NET_ENUMS = Set.of("type", "authtype", "authenticationtype", "apitype");
  private static final Set<String> IGNORED = Set.of("crudtypes");

  private ConnectorBinder() {}

  static BoundItem bind(ImportItem item, Procedure procedure) {
    boolean delete = procedure.operation() == Operation.DELETE_CONNECTOR;
    ConnectorInput input = new ConnectorInput();
    Map<String, String> sentNames = new HashMap<>();
    Map<String, Integer> netEnums = new HashMap<>();
    String authName = null;
    boolean passwordSent = item.names().stream().anyMatch(n -> n != null && Names.normalize(n).equals("password"));
    boolean systemSeen = false;
    for (int i = 0; i < item.names().size(); i++) {
      String name = item.names().get(i);
      String raw = item.values().get(i);
      if (name == null || name.isBlank()) {
        throw ItemBinder.reject(item, procedure, null, "parameter name number " + i + " is empty");
      }
      String normalized = Names.normalize(name);
      if (IGNORED.contains(normalized)) {
        continue;
      }
      if (NET_ENUMS.contains(normalized)) {
        if (!delete && raw != null && !raw.isBlank()) {
          String key = normalized.equals("authenticationtype") ? "authtype" : normalized;
          netEnums.put(key, number(item, procedure, name, raw));
          if (key.equals("authtype")) {
            authName = name;
          }
        }
        continue;
      }
      ConnectorField field = FIELDS.get(normalized);
      if (field == null) {
        throw ItemBinder.reject(item, procedure, name, "is not a parameter of " + procedure.name());
      }
      if (field == ConnectorField.BACK_OFFICE_SYSTEM) {
        if (systemSeen) {
          if (passwordSent) {
            continue;
          }
          // One JS SDK version sends the password as a second BackOfficeSystem.
          field = ConnectorField.PASSWORD;
        }
        systemSeen = true;
      }
      if (raw == null || delete && field != ConnectorField.SOURCE_APP) {
        continue;
      }
      try {
        Object value = switch (field) {
          case SEND_APPOINTMENTS -> raw.isBlank() ? null : ConnectorInput.flag(field, raw);
          case BACK_OFFICE_SYSTEM -> ConnectorInput.system(raw);
          default -> raw.isEmpty() && field != ConnectorField.PASSWORD ? null : raw;
        };
        if (field == ConnectorField.SEND_APPOINTMENTS && value == null) {
          continue; // empty: the flag cannot be cleared, it stays
        }
        input.set(field, value);
        sentNames.put(field.jsonName(), name);
      } catch (ConnectorViolation e) {
        throw ItemBinder.reject(item, procedure, name, e.getMessage());
      }
    }
    if (!delete) {
      derive(input, sentNames, netEnums, item, procedure);
      authentication(input, sentNames, netEnums, authName, item, procedure);
    }
    BoundItem bound = new BoundItem(item, procedure, Map.of(), Map.of(), Map.copyOf(sentNames), input);
    if (!input.has(ConnectorField.SOURCE_APP)) {
      throw ItemBinder.reject(item, procedure, "SourceApp", "is required and missing");
    }
    try {
      input.check();
    } catch (ConnectorViolation e) {
      throw ItemBinder.reject(item, procedure, nameOf(bound, e.field()), e.getMessage());
    }
    return bound;
  }

  /** The parameter a field came in as, for messages. */
  static String nameOf(BoundItem item, ConnectorField field) {
    return field == null ? null : item.sentNames().getOrDefault(field.jsonName(), ColumnNames.parameterOf(field.jsonName()));
  }

  /**
   * NET sends no BackOfficeSystem but Type (None 0, Bc 1, Nav 2, Webhook 3), AuthType (OAuth2 is 4,
   * 5 or 6: Business Central online) and ApiType (SOAP 0, REST 1). Type None changes nothing.
   */
  private static void derive(ConnectorInput input, Map<String, String> sentNames, Map<String, Integer> netEnums,
      ImportItem item, Procedure procedure) {
    Integer type = netEnums.get("type");
    if (type == null || type == 0 || input.has(ConnectorField.BACK_OFFICE_SYSTEM)) {
      return;
    }
    BackOfficeSystem system = switch (type) {
      case 1 -> Authentication.parse(String.valueOf(netEnums.get("authtype"))).filter(Authentication::isOAuth)
          .isPresent() ? BackOfficeSystem.BC_ONLINE : BackOfficeSystem.BC;
      case 2 -> BackOfficeSystem.NAV;
      case 3 -> BackOfficeSystem.WEBHOOK;
      default -> throw ItemBinder.reject(item, procedure, "Type", "is not a connector type (None 0, Bc 1, Nav 2, Webhook 3)");
    };
    input.set(ConnectorField.BACK_OFFICE_SYSTEM, system);
    sentNames.put(ConnectorField.BACK_OFFICE_SYSTEM.jsonName(), "Type");
    if (input.has(ConnectorField.BACK_OFFICE_TYPE)) {
      return;
    }
    Integer api = netEnums.get("apitype");
    String protocol = system == BackOfficeSystem.WEBHOOK ? "WEBHOOK"
        : api == null ? null : api == 1 ? "REST_API_PAGE" : api == 0 ? "SOAP_PAGE" : null;
    if (protocol != null) {
      input.set(ConnectorField.BACK_OFFICE_TYPE, protocol);
      sentNames.put(ConnectorField.BACK_OFFICE_TYPE.jsonName(), "ApiType");
    }
  }

  /**
   * NET's AuthType (AuthenticationType on the typed route) as the connector's authentication type. The SDK sends 0
   * (None) when none was chosen, so 0 leaves the type as it is: for NAV/BC SOAP an empty type means Windows, or
   * Basic with a login prefixed {@code basic=}.
   */
  private static void authentication(ConnectorInput input, Map<String, String> sentNames,
      Map<String, Integer> netEnums, String name, ImportItem item, Procedure procedure) {
    Integer type = netEnums.get("authtype");
    if (type == null || type == 0) {
      return;
    }
    try {
      input.set(ConnectorField.AUTHENTICATION_TYPE, ConnectorInput.authentication(String.valueOf(type)));
    } catch (ConnectorViolation e) {
      throw ItemBinder.reject(item, procedure, name, e.getMessage());
    }
    sentNames.put(ConnectorField.AUTHENTICATION_TYPE.jsonName(), name);
  }

  private static int number(ImportItem item, Procedure procedure, String name, String raw) {
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw ItemBinder.reject(item, procedure, name, "'" + raw + "' is not a whole number");
    }
  }
}
