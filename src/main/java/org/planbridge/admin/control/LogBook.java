package org.planbridge.admin.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.planbridge.platform.control.Database;
import org.planbridge.platform.control.Jsons;

/**
 * The captured log messages ({@code console_log}): written in batches, read newest first a page at a time, and
 * deleted after their retention. Plain JDBC in autocommit (NOT_SUPPORTED): a batch of log lines belongs to no
 * delivery's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class LogBook {

  private static final String COLUMNS = "id, logged_at, level, logger, message, thrown, transaction_id, "
      + "appointment_id, instance";

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  /** Writes {@code lines} as logged by {@code instance}, in one batch. */
  public void write(List<LogLine> lines, String instance) throws SQLException {
    if (lines.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO console_log (logged_at, level, "
            + "level_value, logger, message, thrown, transaction_id, appointment_id, instance) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (LogLine line : lines) {
        insert.setObject(1, line.at());
        insert.setString(2, line.level());
        insert.setInt(3, line.levelValue());
        insert.setString(4, line.logger());
        insert.setString(5, line.message());
        insert.setString(6, line.thrown());
        setLong(insert, 7, line.transactionId());
        setLong(insert, 8, line.appointmentId());
        insert.setString(9, instance);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Deletes what was logged before {@code before}; answers how many messages. */
  public int deleteBefore(OffsetDateTime before) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM console_log WHERE logged_at < ?")) {
      delete.setObject(1, before);
      return delete.executeUpdate();
    }
  }

  public long count(LogFilter filter) throws SQLException {
    return where(filter).count(dataSource, "console_log");
  }

  /** A page of the messages that match, newest first, as JSON rows (the console's tables read those). */
  public List<JsonObject> list(LogFilter filter, int first, int size) throws SQLException {
    return where(filter).page(dataSource, "SELECT " + COLUMNS + " FROM console_log", first, size, LogBook::json);
  }

  private static Conditions where(LogFilter filter) {
    return new Conditions().add("level_value >= ?", filter.minLevel()).add("logged_at >= ?", filter.from())
        .add("logged_at < ?", filter.to()).containing(filter.text(), "message", "logger")
        .add("transaction_id = ?", filter.transactionId()).add("appointment_id = ?", filter.appointmentId());
  }

  private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  private static JsonObject json(ResultSet row) throws SQLException {
    JsonObjectBuilder line = Jsons.JSON.createObjectBuilder().add("id", row.getLong(1))
        .add("loggedAt", row.getObject(2, OffsetDateTime.class).toString()).add("level", row.getString(3))
        .add("logger", row.getString(4)).add("message", row.getString(5)).add("instance", row.getString(9));
    if (row.getString(6) != null) {
      line.add("thrown", row.getString(6));
    }
    long transaction = row.getLong(7);
    if (!row.wasNull()) {
      line.add("transactionId", transaction);
    }
    long appointment = row.getLong(8);
    if (!row.wasNull()) {
      line.add("appointmentId", appointment);
    }
    return line.build();
  }
}
