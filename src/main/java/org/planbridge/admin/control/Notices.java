package org.planbridge.admin.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.planbridge.ingest.control.ProcedureCatalog;
import org.planbridge.platform.control.Database;
import org.planbridge.platform.control.Jsons;

/**
 * What the back office told the planners, for the console's Notifications page: the notifications
 * ({@code mboc_upsertNotification}, typed route {@code notification}) and the messages ({@code POST /api/message}),
 * newest first, a page at a time. Read straight from their planning tables, which only the import writes; the
 * types and severities are labelled as the import's catalog enumerates them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class Notices {

  static final Map<Integer, String> TYPES = ProcedureCatalog.labels("notification", "notification_type");
  static final Map<Integer, String> SEVERITIES = ProcedureCatalog.labels("message", "severity");

  private static final String NOTIFICATION_COLUMNS = "id, created_at, notification_date, notification_type, "
      + "notification_code, notification_text, source_app, source_type, job_no, task_no, appointment_id, "
      + "appointment_guid, mboc_id";
  private static final String MESSAGE_COLUMNS = "id, created_at, text, user_name, severity";

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  /**
   * Which notifications the page lists; a null part matches everything. {@code type}: 0 Info, 1 Warning, 2 Error;
   * {@code text}: in the text, the code or the connector, ignoring case; the rest equal.
   */
  public record NoticeFilter(Integer type, String sourceApp, String jobNo, String text) {
    public static final NoticeFilter ALL = new NoticeFilter(null, null, null, null);
  }

  /** The notification types by value, for the filter's choice. */
  public static Map<Integer, String> types() {
    return TYPES;
  }

  public long countNotifications(NoticeFilter filter) throws SQLException {
    return where(filter).count(dataSource, "notification");
  }

  public List<JsonObject> notifications(NoticeFilter filter, int first, int size) throws SQLException {
    return where(filter).page(dataSource, "SELECT " + NOTIFICATION_COLUMNS + " FROM notification", first, size,
        Notices::notification);
  }

  /** {@code text}: in the message or its user, ignoring case; null or blank: every message. */
  public long countMessages(String text) throws SQLException {
    return messageWhere(text).count(dataSource, "message");
  }

  public List<JsonObject> messages(String text, int first, int size) throws SQLException {
    return messageWhere(text).page(dataSource, "SELECT " + MESSAGE_COLUMNS + " FROM message", first, size,
        Notices::message);
  }

  private static Conditions where(NoticeFilter filter) {
    return new Conditions().add("notification_type = ?", filter.type()).add("source_app = ?", blankless(filter.sourceApp()))
        .add("job_no = ?", blankless(filter.jobNo()))
        .containing(filter.text(), "notification_text", "notification_code", "mboc_id");
  }

  private static Conditions messageWhere(String text) {
    return new Conditions().containing(text, "text", "user_name");
  }

  private static String blankless(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static JsonObject notification(ResultSet row) throws SQLException {
    JsonObjectBuilder json = Jsons.JSON.createObjectBuilder().add("id", row.getLong(1))
        .add("receivedAt", row.getObject(2, OffsetDateTime.class).toString())
        .add("type", TYPES.getOrDefault(row.getInt(4), String.valueOf(row.getInt(4))));
    OffsetDateTime date = row.getObject(3, OffsetDateTime.class);
    text(json, "date", date == null ? null : date.toString());
    text(json, "code", row.getString(5));
    text(json, "text", row.getString(6));
    text(json, "sourceApp", row.getString(7));
    text(json, "sourceType", row.getString(8));
    text(json, "jobNo", row.getString(9));
    text(json, "taskNo", row.getString(10));
    long appointment = row.getLong(11);
    text(json, "appointmentId", row.wasNull() ? null : String.valueOf(appointment));
    Object guid = row.getObject(12);
    text(json, "appointmentGuid", guid == null ? null : guid.toString());
    text(json, "connector", row.getString(13));
    return json.build();
  }

  private static JsonObject message(ResultSet row) throws SQLException {
    JsonObjectBuilder json = Jsons.JSON.createObjectBuilder().add("id", row.getLong(1))
        .add("receivedAt", row.getObject(2, OffsetDateTime.class).toString())
        .add("severity", SEVERITIES.getOrDefault(row.getInt(5), String.valueOf(row.getInt(5))));
    text(json, "text", row.getString(3));
    text(json, "user", row.getString(4));
    return json.build();
  }

  /** Every field present, empty where the record has nothing: the page shows text. */
  private static void text(JsonObjectBuilder json, String field, String value) {
    json.add(field, value == null ? "" : value);
  }
}
