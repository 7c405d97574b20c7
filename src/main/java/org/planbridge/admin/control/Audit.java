package org.planbridge.admin.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.planbridge.platform.control.Database;
import org.planbridge.platform.control.Failures;
import org.planbridge.platform.control.StorableText;

/**
 * The console's audit trail ({@code console_audit}): who did what, when, to what, and what came of it. Each entry
 * is written in its own statement right after the action (NOT_SUPPORTED): an action that changed something is
 * recorded even when what follows fails. Read newest first, filtered and a page at a time; exported as CSV.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class Audit {

  private static final Logger LOG = Logger.getLogger(Audit.class.getName());
  public static final int PAGE = 500;

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  public void record(String username, String action, String target, String outcome) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO console_audit (at, username, action, target, outcome) VALUES (?, ?, ?, ?, ?)")) {
      insert.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
      insert.setString(2, StorableText.storable(username, 100));
      insert.setString(3, StorableText.storable(action, 40));
      insert.setString(4, StorableText.storable(target, 4000));
      insert.setString(5, StorableText.storable(outcome, 1000));
      insert.executeUpdate();
    } catch (SQLException e) {
      // The action itself happened; the log keeps what the trail could not.
      LOG.severe("Console audit entry not written (" + Accounts.quoted(username) + " " + action + " " + target + ": "
          + outcome + "): " + Failures.rootMessage(e));
    }
  }

  /** The newest {@code limit} entries {@code filter} matches, from {@code offset} on. */
  public List<AuditEntry> newest(AuditFilter filter, int offset, int limit) {
    Conditions where = where(filter);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT id, at, username, action, target, outcome "
            + "FROM console_audit" + where.where() + " ORDER BY at DESC, id DESC OFFSET " + Math.max(0, offset)
            + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY")) {
      where.bind(query);
      List<AuditEntry> entries = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          entries.add(new AuditEntry(rows.getLong(1), rows.getObject(2, OffsetDateTime.class), rows.getString(3),
              rows.getString(4), rows.getString(5), rows.getString(6)));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the console audit trail: " + Failures.rootMessage(e), e);
    }
  }

  /** The actions the trail holds, in alphabetical order. */
  public List<String> actions() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT DISTINCT action FROM console_audit ORDER BY "
            + "action");
        ResultSet rows = query.executeQuery()) {
      List<String> actions = new ArrayList<>();
      while (rows.next()) {
        actions.add(rows.getString(1));
      }
      return actions;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the console audit trail: " + Failures.rootMessage(e), e);
    }
  }

  public long count(AuditFilter filter) {
    try {
      return where(filter).count(dataSource, "console_audit");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the console audit trail: " + Failures.rootMessage(e), e);
    }
  }

  /**
   * The entries {@code filter} matches, newest first, as CSV (RFC 4180, a header line; a cell a spreadsheet would
   * run as a formula is prefixed with a quote).
   */
  public void csv(AuditFilter filter, Writer out) throws IOException {
    out.write("id,at,user,action,target,outcome\r\n");
    for (int offset = 0;; offset += PAGE) {
      List<AuditEntry> page = newest(filter, offset, PAGE);
      for (AuditEntry entry : page) {
        out.write(entry.id() + "," + entry.at() + "," + cell(entry.username()) + "," + cell(entry.action()) + ","
            + cell(entry.target()) + "," + cell(entry.outcome()) + "\r\n");
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  private static Conditions where(AuditFilter filter) {
    return new Conditions().add("username = ?", blankAsNull(filter.username()))
        .add("action = ?", blankAsNull(filter.action())).containing(filter.text(), "target", "outcome")
        .add("at >= ?", filter.from()).add("at < ?", filter.to());
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
