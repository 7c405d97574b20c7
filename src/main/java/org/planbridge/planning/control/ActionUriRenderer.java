package org.planbridge.planning.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.planbridge.metrics.control.ConnectionMeters;
import org.planbridge.platform.control.Database;
import org.planbridge.platform.control.PercentEncoding;
import org.planbridge.platform.control.Jsons;

/**
 * Action URIs filled in with the data of an appointment, a task or a job: each placeholder {@code #NAME#} (Dime's
 * form: {@code #SOURCEAPP#}, {@code #JOBNO#}, {@code #APPOINTMENTID#}, {@code #START#}) is the record's column of
 * that parameter name, upper case, percent-encoded as UTF-8 so that it is safe anywhere in a URI. An appointment
 * also has its task's and job's columns, and {@code #RESOURCE#}, its resources' numbers; a task has its job's. A
 * placeholder no column answers is left as it is and named in the answer.
 */
@ApplicationScoped
public class ActionUriRenderer {

  static final Pattern PLACEHOLDER = Pattern.compile("#([A-Za-z][A-Za-z0-9_]*)#");
  private static final List<String> TASK_KEY = List.of("source_app", "source_type", "job_no", "task_no");
  private static final List<String> JOB_KEY = List.of("source_app", "source_type", "job_no");

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  @Inject ConnectionMeters meters;

  /** What names the record: an appointment by id or guid, or a task or job by its key. */
  public record Subject(Long appointmentId, UUID appointmentGuid, String sourceApp, String sourceType, String jobNo,
      String taskNo) {}

  /** Each action URI of the record's Source App and Source Type ({@code urlType} narrows them), filled in. */
  public JsonArray render(Subject subject, Integer urlType) throws SQLException {
    try (Connection connection = meters.of("reads").open(dataSource)) {
      Map<String, String> values = values(connection, subject);
      JsonArrayBuilder answer = Jsons.JSON.createArrayBuilder();
      String sql = "SELECT url_type, url, url_desc, default_url, request_type FROM action_uri WHERE source_app = ?"
          + " AND source_type = ?" + (urlType == null ? "" : " AND url_type = ?")
          + " ORDER BY url_type, default_url DESC, row_version";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, values.get("SOURCEAPP"));
        statement.setString(2, values.get("SOURCETYPE"));
        if (urlType != null) {
          statement.setInt(3, urlType);
        }
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            String template = row.getString("url");
            Set<String> unresolved = new LinkedHashSet<>();
            answer.add(Jsons.JSON.createObjectBuilder()
                .add("urlType", row.getInt("url_type"))
                .add("description", row.getString("url_desc") == null ? "" : row.getString("url_desc"))
                .add("default", row.getBoolean("default_url"))
                .add("requestType", row.getInt("request_type"))
                .add("template", template)
                .add("uri", fill(template, values, unresolved))
                .add("unresolved", Jsons.JSON.createArrayBuilder(List.copyOf(unresolved))));
          }
        }
      }
      return answer.build();
    }
  }

  /** The template with each known placeholder replaced by its value, percent-encoded; the unknown ones kept. */
  static String fill(String template, Map<String, String> values, Set<String> unresolved) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (placeholder.find()) {
      String name = placeholder.group(1).toUpperCase(Locale.ROOT);
      String value = values.get(name);
      if (value == null) {
        unresolved.add(placeholder.group());
        placeholder.appendReplacement(filled, Matcher.quoteReplacement(placeholder.group()));
      } else {
        placeholder.appendReplacement(filled, Matcher.quoteReplacement(PercentEncoding.encode(value,
            ActionUriRenderer::unreserved)));
      }
    }
    placeholder.appendTail(filled);
    return filled.toString();
  }

  /** RFC 3986's unreserved characters, the only ones a value keeps as they are. */
  static boolean unreserved(int c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
        || c == '~';
  }

  /** The placeholders' values, by upper-case parameter name: the record's own columns first. */
  private static Map<String, String> values(Connection connection, Subject subject) throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Object> record;
    boolean appointment = subject.appointmentId() != null || subject.appointmentGuid() != null;
    if (appointment) {
      boolean byId = subject.appointmentId() != null;
      record = row(connection, "appointment", List.of(byId ? "appointment_id" : "appointment_guid"),
          List.of(byId ? subject.appointmentId() : subject.appointmentGuid()));
      if (record == null) {
        throw new NotFound("appointment " + (byId ? subject.appointmentId() : "with guid " + subject.appointmentGuid())
            + " does not exist");
      }
      add(values, record);
      values.put("RESOURCE", String.join(";", resources(connection, (Long) record.get("appointment_id"))));
    } else {
      List<String> key = subject.taskNo() != null ? TASK_KEY : JOB_KEY;
      List<Object> given = new ArrayList<>(List.of(subject.sourceApp(), subject.sourceType(), subject.jobNo()));
      if (subject.taskNo() != null) {
        given.add(subject.taskNo());
      }
      record = row(connection, subject.taskNo() != null ? "task" : "job", key, given);
      if (record == null) {
        throw new NotFound((subject.taskNo() != null ? "task " : "job ") + given + " does not exist");
      }
      add(values, record);
    }
    if (appointment && record.get("task_no") != null) {
      Map<String, Object> task = row(connection, "task", TASK_KEY, TASK_KEY.stream().map(record::get).toList());
      if (task != null) {
        add(values, task);
      }
    }
    if ((appointment || subject.taskNo() != null) && record.get("job_no") != null) {
      Map<String, Object> job = row(connection, "job", JOB_KEY, JOB_KEY.stream().map(record::get).toList());
      if (job != null) {
        add(values, job);
      }
    }
    return values;
  }

  private static void add(Map<String, String> values, Map<String, Object> record) {
    record.forEach((column, value) -> {
      if (!PlanningCollection.TRACKING.contains(column) && !column.equals("id")
          && !column.equals(PlanningSchema.CHANGE_STAMP)) {
        values.putIfAbsent(ColumnNames.parameterOf(column).toUpperCase(Locale.ROOT), Snapshots.readText(value));
      }
    });
  }

  private static Map<String, Object> row(Connection connection, String table, List<String> key, List<Object> values)
      throws SQLException {
    String sql = "SELECT * FROM " + table + " WHERE " + String.join(" AND ", key.stream().map(k -> k + " = ?").toList());
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
          String column = result.getMetaData().getColumnLabel(c).toLowerCase(Locale.ROOT);
          Object value = result.getObject(c);
          row.put(column, value instanceof java.sql.Timestamp || value instanceof java.time.temporal.Temporal
              ? Values.time(result, c, value) : value);
        }
        return row;
      }
    }
  }

  private static List<String> resources(Connection connection, long appointmentId) throws SQLException {
    List<String> resources = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT resource_no FROM assignment WHERE appointment_id = ? ORDER BY resource_no")) {
      statement.setLong(1, appointmentId);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          resources.add(result.getString(1));
        }
      }
    }
    return resources;
  }

  /** The record the call names is not there. */
  public static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message);
    }
  }
}
