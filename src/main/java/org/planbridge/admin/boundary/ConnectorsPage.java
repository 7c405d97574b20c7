package org.planbridge.admin.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.planbridge.admin.control.Role;
import org.planbridge.backoffice.CheckStep;
import org.planbridge.connector.boundary.ConnectorJson;
import org.planbridge.connector.control.ConnectorField;
import org.planbridge.connector.control.ConnectorViolation;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.outbox.control.ConnectionCheck;
import org.planbridge.outbox.control.Status;
import org.planbridge.outbox.control.TransactionQueries;
import org.planbridge.platform.control.Failures;
import org.planbridge.platform.control.Jsons;

/**
 * Connectors: the list, and one connector's form, built from {@link ConnectorField} (every field the admin API
 * has, in its order, its length); saved as the admin API's JSON through {@link ConnectorJson#input}, so the same
 * rules and messages apply. The password is write-only: left empty it stays as it is. Operators and admins create,
 * change, delete and check them ({@link ConnectionCheck}, the steps shown); viewers see them. Each shows when it last
 * delivered and last failed. Error tracking links here with {@code ?sourceApp=}: the page opens that Source App's
 * connector, or a new one for it when there is none.
 */
@Named
@ViewScoped
public class ConnectorsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ConnectorChanges connectors;
  @Inject ConnectionCheck check;
  @Inject TransactionQueries queries;
  @Inject ConsoleActions actions;

  private Long editing;
  private final Map<String, String> values = new LinkedHashMap<>();
  private boolean removePassword;
  private List<CheckStep> steps;
  private String checked;

  private List<JsonObject> list;

  /** The connectors as the admin API lists them. */
  public List<JsonObject> getConnectors() {
    if (list == null) {
      list = connectors.list();
    }
    return list;
  }

  /**
   * When the connector last delivered with {@code status} (Success or Failed) in the last 30 days, as the table
   * shows it; "-" when it did not. Read for all connectors at once, once per request.
   */
  @SuppressWarnings("unchecked")
  public String last(JsonObject connector, String status) {
    Object last = FacesContext.getCurrentInstance().getAttributes().computeIfAbsent("connectors:last", key -> {
      try {
        return queries.lastAttempts(EnumSet.of(Status.SUCCESS, Status.FAILED));
      } catch (java.sql.SQLException e) {
        return "(cannot be read: " + Failures.rootMessage(e) + ")";
      }
    });
    if (last instanceof String problem) {
      return problem;
    }
    OffsetDateTime at = ((Map<Long, Map<Status, OffsetDateTime>>) last).getOrDefault(connector.getJsonNumber("id")
        .longValue(), Map.of()).get(Status.of(status).orElseThrow());
    return at == null ? "-" : ShownTime.of(at.toString());
  }

  /** The form's fields, in the API's order; {@code password} is write-only. */
  public List<ConnectorField> getFields() {
    return Arrays.asList(ConnectorField.values());
  }

  public String kind(ConnectorField field) {
    return switch (field) {
      case SEND_APPOINTMENTS -> "flag";
      case BACK_OFFICE_SYSTEM, AUTHENTICATION_TYPE -> "choice";
      case PASSWORD -> "secret";
      case FIELD_MAPPING -> "json";
      default -> "text";
    };
  }

  public List<String> choices(ConnectorField field) {
    Enum<?>[] options = field == ConnectorField.BACK_OFFICE_SYSTEM ? BackOfficeSystem.values() : Authentication.values();
    return Arrays.stream(options).map(Enum::name).toList();
  }

  public int maxLength(ConnectorField field) {
    return field.isText() ? field.maxLength() : 10;
  }

  public Map<String, String> getValues() {
    return values;
  }

  /** The Source App to open, from the link of error tracking. */
  private String opening;

  public String getOpening() {
    return opening;
  }

  public void setOpening(String opening) {
    this.opening = opening;
  }

  /** On the link from error tracking: that Source App's connector in the form, or a new one for it. */
  public void opened() {
    if (FacesContext.getCurrentInstance().isPostback() || opening == null || opening.isBlank()) {
      return;
    }
    getConnectors().stream().filter(json -> opening.equals(json.getString("sourceApp", null))).findFirst()
        .ifPresentOrElse(json -> edit(json.getJsonNumber("id").longValue()), () -> {
          startNew();
          values.put(ConnectorField.SOURCE_APP.jsonName(), opening);
        });
  }

  public void startNew() {
    editing = null;
    values.clear();
    values.put(ConnectorField.SEND_APPOINTMENTS.jsonName(), "true");
    removePassword = false;
  }

  public void edit(long id) {
    connectors.get(id).ifPresent(json -> {
      editing = id;
      values.clear();
      for (ConnectorField field : ConnectorField.values()) {
        JsonValue value = json.get(field.jsonName());
        values.put(field.jsonName(), value == null || value == JsonValue.NULL ? "" : switch (value.getValueType()) {
          case STRING -> json.getString(field.jsonName());
          default -> value.toString();
        });
      }
      values.put(ConnectorField.PASSWORD.jsonName(), "");
      removePassword = false;
    });
  }

  public void save() {
    String target = editing == null ? "new connector " + values.get("sourceApp") : "connector " + editing;
    actions.run(editing == null ? "create connector" : "change connector", target, () -> {
      editing = connectors.save(editing, json());
      values.put(ConnectorField.PASSWORD.jsonName(), "");
      removePassword = false;
      list = null;
      return "Connector " + values.get("sourceApp") + " saved.";
    }, Role.ADMIN, Role.OPERATOR);
  }

  public void delete(long id) {
    actions.run("delete connector", "connector " + id, () -> {
      if (!connectors.delete(id)) {
        throw new IllegalArgumentException("there is no connector " + id);
      }
      if (Long.valueOf(id).equals(editing)) {
        startNew();
      }
      list = null;
      return "Connector " + id + " deleted.";
    }, Role.ADMIN, Role.OPERATOR);
  }

  public void check(long id) {
    actions.run("check connector", "connector " + id, () -> {
      steps = check.run(id).orElseThrow(() -> new IllegalArgumentException("there is no connector " + id));
      checked = "connector " + id;
      boolean ok = steps.stream().allMatch(CheckStep::ok);
      return "Connection check of connector " + id + ": " + (ok ? "every step passed." : "a step failed.");
    }, Role.ADMIN, Role.OPERATOR);
  }

  /** The form as the admin API's JSON: blank fields null, the password only when given (or removed). */
  private JsonObject json() {
    JsonObjectBuilder json = Jsons.JSON.createObjectBuilder();
    for (ConnectorField field : ConnectorField.values()) {
      String value = Objects.requireNonNullElse(values.get(field.jsonName()), ""); // Faces may set an empty field null
      String name = field.jsonName();
      if (field == ConnectorField.PASSWORD) {
        if (removePassword) {
          json.add(name, "");
        } else if (!value.isEmpty()) {
          json.add(name, value);
        }
      } else if (field == ConnectorField.SEND_APPOINTMENTS) {
        json.add(name, Boolean.parseBoolean(value));
      } else if (value.isBlank()) {
        json.addNull(name);
      } else if (field == ConnectorField.FIELD_MAPPING) {
        try (JsonReader reader = Jsons.JSON.createReader(new StringReader(value))) {
          json.add(name, reader.readObject());
        } catch (JsonException | IllegalStateException e) {
          throw ConnectorViolation.invalid(field, "must be a JSON object");
        }
      } else {
        json.add(name, value);
      }
    }
    return json.build();
  }

  public Long getEditing() {
    return editing;
  }

  public boolean isRemovePassword() {
    return removePassword;
  }

  public void setRemovePassword(boolean removePassword) {
    this.removePassword = removePassword;
  }

  public List<CheckStep> getSteps() {
    return steps;
  }

  public String getChecked() {
    return checked;
  }
}
