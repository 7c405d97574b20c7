package org.planbridge.admin.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.planbridge.platform.control.Database;
import org.planbridge.platform.control.StorableText;

/**
 * The instances on this database as each last reported itself ({@code console_instance}): each one's row written
 * by itself, read by the Status page of any. Plain JDBC in autocommit (NOT_SUPPORTED).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class Instances {

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  /** Writes {@code state} as this instance's row (its first report inserts it). */
  public void report(InstanceState state) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement update = connection.prepareStatement("UPDATE console_instance SET started_at = ?, "
          + "seen_at = ?, drain_ticked_at = ?, next_retry_at = ?, timers_stopped = ? WHERE instance = ?")) {
        bindState(update, state);
        update.setString(6, state.instance());
        if (update.executeUpdate() > 0) {
          return;
        }
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO console_instance (started_at, "
          + "seen_at, drain_ticked_at, next_retry_at, timers_stopped, instance) VALUES (?, ?, ?, ?, ?, ?)")) {
        bindState(insert, state);
        insert.setString(6, state.instance());
        insert.executeUpdate();
      }
    }
  }

  /** Every instance, the most recently seen first. */
  public List<InstanceState> list() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT instance, started_at, seen_at, "
            + "drain_ticked_at, next_retry_at, timers_stopped FROM console_instance ORDER BY seen_at DESC, instance");
        ResultSet rows = query.executeQuery()) {
      List<InstanceState> states = new ArrayList<>();
      while (rows.next()) {
        states.add(new InstanceState(rows.getString(1), rows.getObject(2, OffsetDateTime.class),
            rows.getObject(3, OffsetDateTime.class), rows.getObject(4, OffsetDateTime.class),
            rows.getObject(5, OffsetDateTime.class), rows.getString(6)));
      }
      return states;
    }
  }

  /** Forgets the instances not seen since {@code before}; answers how many. */
  public int forgetSeenBefore(OffsetDateTime before) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM console_instance WHERE seen_at < ?")) {
      delete.setObject(1, before);
      return delete.executeUpdate();
    }
  }

  private static void bindState(PreparedStatement statement, InstanceState state) throws SQLException {
    statement.setObject(1, state.startedAt());
    statement.setObject(2, state.seenAt());
    statement.setObject(3, state.drainTickedAt());
    statement.setObject(4, state.nextRetryAt());
    statement.setString(5, StorableText.storable(state.timersStopped(), 400));
  }
}
