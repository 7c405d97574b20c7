package org.planbridge.ingest.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.planbridge.planning.control.Column;

/**
 * The tables of V1__planning_model.sql, V2__connectors.sql and V17__sdk_records.sql, read from the migrations themselves with a few regular
 * expressions, described as the database would describe them: enough to check the catalog and the
 * binder against the real schema without a database.
 */
final class V1Schema {

  private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
  private static final Pattern COLUMN = Pattern.compile("^\\s+(\\w+) (.+?),?$");
  private static final Pattern CHECK_IN = Pattern.compile("CHECK \\((\\w+) IN \\(([^)]*)\\)\\)");
  private static final Pattern VARCHAR = Pattern.compile("VARCHAR(?:\\((\\d+)\\))?");
  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

  /** Columns by table, in schema order. */
  final Map<String, Map<String, Column>> tables = new LinkedHashMap<>();
  /** The values a CHECK (column IN (...)) allows, by table and column. */
  final Map<String, Map<String, Set<Integer>>> checks = new LinkedHashMap<>();

  private static V1Schema instance;

  static synchronized V1Schema load() {
    if (instance == null) {
      instance = new V1Schema(read("/db/migration/V1__planning_model.sql") + "\n" + read("/db/migration/V2__connectors.sql")
          + "\n" + read("/db/migration/V17__sdk_records.sql") + "\n" + read("/db/migration/V18__appointment_uris.sql")
          + "\n" + read("/db/migration/V19__exchange_appointments.sql")
          + "\n" + read("/db/migration/V20__appointment_field_values.sql") + "\n" + read("/db/migration/V21__board_users.sql"));
    }
    return instance;
  }

  private static String read(String resource) {
    try (InputStream in = V1Schema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private V1Schema(String sql) {
    Matcher table = TABLE.matcher(sql);
    while (table.find()) {
      Map<String, Column> columns = new LinkedHashMap<>();
      Map<String, Set<Integer>> tableChecks = new LinkedHashMap<>();
      for (String line : table.group(2).split("\\n")) {
        Matcher check = CHECK_IN.matcher(line);
        if (check.find() && check.group(2).matches("[\\d\\s,]+")) {
          tableChecks.put(check.group(1), Arrays.stream(check.group(2).split(","))
              .map(String::trim).map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new)));
        }
        Matcher column = COLUMN.matcher(line);
        if (column.matches() && !column.group(1).equals("CONSTRAINT")) {
          columns.put(column.group(1), column(column.group(1), column.group(2)));
        }
      }
      tables.put(table.group(1), columns);
      checks.put(table.group(1), tableChecks);
    }
    if (tables.isEmpty()) {
      throw new IllegalStateException("no CREATE TABLE found in the migration");
    }
  }

  private static Column column(String name, String definition) {
    String upper = definition.toUpperCase(Locale.ROOT);
    boolean primaryKey = upper.contains("PRIMARY KEY");
    boolean nullable = !upper.contains("NOT NULL") && !primaryKey;
    boolean hasDefault = upper.contains("DEFAULT") || upper.contains("GENERATED");
    Matcher varchar = VARCHAR.matcher(upper);
    if (upper.startsWith("VARCHAR") && varchar.lookingAt()) {
      int size = varchar.group(1) == null ? Integer.MAX_VALUE : Integer.parseInt(varchar.group(1));
      return new Column(name, Types.VARCHAR, "CHARACTER VARYING", size, nullable, hasDefault);
    }
    if (upper.startsWith("TIMESTAMP WITH TIME ZONE")) {
      return new Column(name, Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE", 35, nullable, hasDefault);
    }
    String type = upper.split("[ (]")[0];
    return switch (type) {
      case "BIGINT" -> new Column(name, Types.BIGINT, type, 64, nullable, hasDefault);
      case "INTEGER" -> new Column(name, Types.INTEGER, type, 32, nullable, hasDefault);
      case "SMALLINT" -> new Column(name, Types.SMALLINT, type, 16, nullable, hasDefault);
      case "BOOLEAN" -> new Column(name, Types.BOOLEAN, type, 1, nullable, hasDefault);
      case "DECIMAL" -> decimal(name, upper, nullable, hasDefault);
      case "UUID" -> new Column(name, Types.BINARY, type, 16, nullable, hasDefault);
      default -> throw new IllegalStateException("no JDBC type for " + name + " " + definition);
    };
  }

  /** DECIMAL(p,s) with its precision and scale, as the database reports them: the parser checks both. */
  private static Column decimal(String name, String upper, boolean nullable, boolean hasDefault) {
    Matcher decimal = DECIMAL.matcher(upper);
    if (!decimal.lookingAt()) {
      throw new IllegalStateException("DECIMAL without precision and scale: " + name);
    }
    return new Column(name, Types.DECIMAL, "DECIMAL", Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)),
        nullable, hasDefault);
  }

  Map<String, Column> columns(String table) {
    Map<String, Column> columns = tables.get(table);
    if (columns == null) {
      throw new AssertionError("V1 has no table " + table);
    }
    return columns;
  }
}
