package org.planbridge.planning.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.planbridge.platform.control.Database;

/**
 * The planning tables' columns, read once from the database's own metadata. The change feed's stamp
 * ({@link #CHANGE_STAMP}, PostgreSQL only) is the database's, not a field of any record: it is not among them.
 */
@ApplicationScoped
public class PlanningSchema {

  /** The id of the transaction that last wrote a row, which the change feed reads by (see {@code ChangeFeed}). */
  public static final String CHANGE_STAMP = "change_xid";

  private final Map<String, Map<String, Column>> tables = new ConcurrentHashMap<>();
  private volatile Database database;

  /** Columns of a table by lower-case name, in table order. */
  public Map<String, Column> columns(Connection connection, String table) throws SQLException {
    Map<String, Column> known = tables.get(table);
    if (known == null) {
      known = read(connection, table);
      tables.put(table, known);
    }
    return known;
  }

  public Database database(Connection connection) throws SQLException {
    if (database == null) {
      database = Database.of(connection);
    }
    return database;
  }

  public static Map<String, Column> read(Connection connection, String table) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String name = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
    Map<String, Column> columns = new LinkedHashMap<>();
    try (ResultSet rows = metaData.getColumns(connection.getCatalog(), connection.getSchema(), name, null)) {
      while (rows.next()) {
        String column = rows.getString("COLUMN_NAME").toLowerCase();
        if (column.equals(CHANGE_STAMP)) {
          continue;
        }
        boolean generated = "YES".equalsIgnoreCase(rows.getString("IS_AUTOINCREMENT"))
            || "YES".equalsIgnoreCase(rows.getString("IS_GENERATEDCOLUMN"));
        columns.put(column, new Column(column, rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME"),
            rows.getInt("COLUMN_SIZE"), rows.getInt("DECIMAL_DIGITS"), rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
            generated || rows.getString("COLUMN_DEF") != null));
      }
    }
    if (columns.isEmpty()) {
      throw new IllegalStateException("table " + table + " is missing from the database schema");
    }
    return Collections.unmodifiableMap(columns);
  }
}
