package org.planbridge.admin.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.planbridge.outbox.control.TransactionFilter;
import org.planbridge.outbox.control.TransactionQueries;
import org.planbridge.platform.control.Jsons;

/**
 * Appointments, one row each with its newest transaction (the admin API's grouped view,
 * {@code /api/admin/appointments}), filtered like the transactions, newest last transaction first (or sorted on the
 * appointment), with its subject, start, end and resources. Its details: the
 * appointment as the back office gets it (the newest transaction's snapshot: identification, change tracking,
 * subject, times, resources), its last activity (each transaction with its attempts: status, duration, message) and
 * the MBOC settings of its Source App (the connector, its password only as set or not set).
 */
@Named
@ViewScoped
public class AppointmentsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int ACTIVITY = 50;

  @Inject TransactionQueries queries;
  @Inject ConnectorChanges connectors;

  private final ListCriteria criteria = new ListCriteria(Set.of(), true);
  private transient JsonRows rows; // made again after the view is restored from a copy
  private Long selected;
  private List<JsonObject> activity = List.of();
  private JsonObject snapshot;
  private JsonObject connector;

  /** The grouped view, page by page from the database, newest last transaction first unless sorted otherwise. */
  public JsonRows getRows() {
    if (rows == null) {
      rows = new JsonRows(() -> queries.appointmentCount(filter(), criteria.match()), (sort, first, size) -> queries
          .appointmentPage(filter(), criteria.match(), sort, first, size), "appointmentId");
    }
    return rows;
  }

  public String time(String iso) {
    return ShownTime.of(iso);
  }

  /** The appointment's resources, as its snapshot names them. */
  public String resources(JsonObject row) {
    return row.getJsonArray("resources") == null ? "" : String.join(", ", row.getJsonArray("resources")
        .getValuesAs(value -> value instanceof jakarta.json.JsonString text ? text.getString() : value.toString()));
  }

  TransactionFilter filter() {
    return criteria.filter();
  }

  public ListCriteria getCriteria() {
    return criteria;
  }

  public void apply() {
    selected = null;
    JsonRows.firstPage(":appointments:table");
  }

  /** Opens the details of appointment {@code id}. */
  public void details(long id) throws SQLException {
    selected = id;
    TransactionFilter ofIt = new TransactionFilter(null, null, null, null, id, null, null, false);
    List<JsonObject> transactions = queries.page(ofIt, "-id", 0, ACTIVITY);
    Map<Long, List<JsonObject>> attempts = queries.attempts(transactions.stream()
        .map(transaction -> transaction.getJsonNumber("id").longValue()).toList());
    activity = new ArrayList<>();
    for (JsonObject transaction : transactions) {
      JsonArrayBuilder its = Jsons.JSON.createArrayBuilder();
      attempts.getOrDefault(transaction.getJsonNumber("id").longValue(), List.of()).forEach(its::add);
      activity.add(Jsons.JSON.createObjectBuilder(transaction).add("attempts", its).build());
    }
    snapshot = activity.isEmpty() ? null : queries.get(activity.get(0).getJsonNumber("id").longValue())
        .map(newest -> newest.getJsonObject("payload")).orElse(null);
    String app = activity.isEmpty() ? null : activity.get(0).getString("sourceApp");
    connector = app == null ? null : connectors.bySourceApp(app).orElse(null);
  }

  /** The snapshot as indented JSON text (shown escaped, as every value). */
  public String getSnapshotText() {
    return snapshot == null ? "" : pretty(snapshot);
  }

  public String getConnectorText() {
    return connector == null ? "" : pretty(connector);
  }

  public List<JsonObject> attempts(JsonObject transaction) {
    return Optional.ofNullable(transaction.getJsonArray("attempts")).map(a -> a.getValuesAs(JsonObject.class))
        .orElse(List.of());
  }

  static String pretty(JsonValue json) {
    StringWriter text = new StringWriter();
    try (var writer = Jsons.JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
      writer.write(json);
    }
    return text.toString().strip();
  }

  public Long getSelected() {
    return selected;
  }

  public List<JsonObject> getActivity() {
    return activity;
  }

  public JsonObject getConnector() {
    return connector;
  }
}
