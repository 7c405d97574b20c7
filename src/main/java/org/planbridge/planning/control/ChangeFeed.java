package org.planbridge.planning.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.planbridge.metrics.control.ConnectionMeters;
import org.planbridge.platform.control.Database;
import org.planbridge.platform.control.Jsons;

/**
 * The change feed ({@code GET /api/changes}): every record written or deleted after a cursor, in cursor order, so
 * that a poller that stores only the last cursor it was given misses no committed change.
 *
 * <p>On PostgreSQL each change carries the id of the transaction that wrote it ({@code change_xid}, stamped by the
 * database; see the V24 migration) and the feed hands out only changes below the oldest transaction still running,
 * read once per call: a transaction that commits late has an id at or above that bound, so its changes come after
 * every cursor handed out while it ran. Such a transaction holds the feed back; the answer says since when. Deletes
 * are tombstones, kept for the retention; a cursor from before the pruned horizon is {@link CursorExpired}.
 *
 * <p>On H2 there is no such stamp: the feed reads by row version alone, which a late commit can overtake, and it
 * has no tombstones. Its answers say {@code "safe": false}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChangeFeed {

  /** A page holds at most this many changes. */
  public static final int MAX_LIMIT = 10_000;
  public static final int DEFAULT_LIMIT = 1_000;

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  @Inject PlanningSchema schema;
  @Inject ConnectionMeters meters;

  private volatile Map<String, ChangeType> types;

  /** A record type of the feed: its name in the API, its collection and the columns that name one record. */
  public record ChangeType(String name, PlanningCollection collection, List<String> key) {}

  /** The types a {@code types} parameter names (comma-separated; all without one), refused by name if unknown. */
  public List<ChangeType> types(String parameter, String names) throws SQLException {
    Map<String, ChangeType> known = types();
    if (names == null || names.isBlank()) {
      return List.copyOf(known.values());
    }
    List<ChangeType> chosen = new ArrayList<>();
    for (String name : names.split(",", -1)) {
      ChangeType type = known.get(name.trim());
      if (type == null) {
        throw new BadParameter(parameter, "Query parameter '" + parameter + "' names '" + name.trim() + "', which is "
            + "not a record type of the change feed: " + String.join(", ", known.keySet()) + ".");
      }
      if (!chosen.contains(type)) {
        chosen.add(type);
      }
    }
    return chosen;
  }

  /** Every record type of the feed by name, in name order; read once from {@code change_feed_type}. */
  public Map<String, ChangeType> types() throws SQLException {
    if (types == null) {
      Map<String, ChangeType> read = new java.util.TreeMap<>();
      try (Connection connection = meters.of("reads").open(dataSource);
          PreparedStatement query = connection.prepareStatement("SELECT record_table, key_columns FROM change_feed_type");
          ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String table = rows.getString(1);
          PlanningCollection collection = Arrays.stream(PlanningCollection.values())
              .filter(c -> c.table().equals(table)).findFirst()
              .orElseThrow(() -> new IllegalStateException("change_feed_type names " + table + ", no collection"));
          String name = PlanningCollection.fieldOf(table);
          read.put(name, new ChangeType(name, collection, List.of(rows.getString(2).split(","))));
        }
      }
      types = Collections.unmodifiableMap(read);
    }
    return types;
  }

  /**
   * Up to {@code limit} changes of these types after the cursor {@code given} (null: from the start, a
   * resynchronisation): {@code {"changes": [...], "cursor", "more",
   * "safe", "heldBack"}}. Each change: {@code type}, {@code change} ({@code upsert} or {@code delete}), {@code key},
   * {@code rowVersion}, {@code cursor}, and the {@code record} as the reads write it or the delete's
   * {@code deletedAt}. A record written again since it was listed is left out: its newer change comes later.
   */
  public byte[] changes(List<ChangeType> wanted, ChangeCursor given, int limit) throws SQLException {
    try (Connection connection = meters.of("reads").open(dataSource)) {
      Bound bound = bound(connection);
      // Without a cursor, a resynchronisation: everything up to where the feed ends now (below the oldest running
      // transaction) was committed before it began; a delete there is of a record it will not list.
      ChangeCursor after = given != null ? given
          : bound.safe() ? ChangeCursor.START.resyncingTo(new ChangeCursor(bound.below(), 0)) : ChangeCursor.START;
      if (bound.horizon().compareTo(after.covered()) > 0) {
        throw new CursorExpired(after, bound.horizon());
      }
      List<Hit> hits = hits(connection, bound, wanted, after, limit + 1);
      boolean more = hits.size() > limit;
      List<Hit> page = more ? hits.subList(0, limit) : hits;
      Map<ChangeType, ChangeCursor> lastOfType = new HashMap<>();
      page.stream().filter(hit -> hit.key() == null).forEach(hit -> lastOfType.put(hit.type(), hit.cursor()));
      Map<ChangeType, Found> found = new HashMap<>();
      for (Map.Entry<ChangeType, ChangeCursor> last : lastOfType.entrySet()) {
        found.put(last.getKey(), found(connection, bound, last.getKey(), after, last.getValue()));
      }
      // UTF-8 bytes straight from the generator: a page of 10,000 is megabytes, not worth a String and its copies.
      ByteArrayOutputStream text = new ByteArrayOutputStream(1024 + page.size() * 512);
      try (JsonGenerator json = Jsons.JSON.createGenerator(text)) {
        json.writeStartObject().writeStartArray("changes");
        for (Hit hit : page) {
          if (hit.key() != null) {
            writeDelete(connection, json, hit);
          } else {
            Found rows = found.get(hit.type());
            Object[] row = rows.byVersion().get(hit.cursor().rowVersion());
            if (row != null) {
              writeUpsert(json, hit, rows, row);
            }
          }
        }
        json.writeEnd();
        json.write("cursor", (page.isEmpty() ? after : after.movedTo(page.get(page.size() - 1).cursor())).toString());
        json.write("more", more);
        writeState(json, connection, bound);
        json.writeEnd();
      }
      return text.toByteArray();
    }
  }

  /**
   * The highest safe cursor, overall and per type ({@code {"maxRowVersion", "types": {...}, "safe", "heldBack"}}):
   * the last change a call now could hand out, not the highest row version written (which a running transaction
   * may hold below others). A poller that sees it above its stored cursor has changes to fetch.
   */
  public String maxRowVersion(List<ChangeType> wanted) throws SQLException {
    try (Connection connection = meters.of("reads").open(dataSource)) {
      Bound bound = bound(connection);
      Map<String, ChangeCursor> highest = new LinkedHashMap<>();
      wanted.forEach(type -> highest.put(type.name(), ChangeCursor.START));
      // Each type's newest change below the bound, and each one's newest tombstone, in one statement.
      List<String> branches = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      String below = bound.safe() ? " WHERE change_xid < CAST(? AS xid8)" : "";
      for (ChangeType type : wanted) {
        branches.add("(SELECT CAST('" + type.collection().table() + "' AS VARCHAR(40)) AS t, " + column(bound)
            + " AS x, row_version AS v FROM " + type.collection().table() + below + order(bound, " DESC") + " LIMIT 1)");
        if (bound.safe()) {
          values.add(String.valueOf(bound.below()));
        }
      }
      if (bound.safe()) {
        branches.add("(SELECT DISTINCT ON (record_table) record_table, change_xid, row_version FROM change_tombstone"
            + below + " AND record_table IN (" + String.join(", ", Collections.nCopies(wanted.size(), "?"))
            + ") ORDER BY record_table, change_xid DESC, row_version DESC)");
        values.add(String.valueOf(bound.below()));
        wanted.forEach(type -> values.add(type.collection().table()));
      }
      try (PreparedStatement query = connection.prepareStatement("SELECT c.t, CAST(c.x AS VARCHAR) AS stamp, c.v FROM ("
          + String.join(" UNION ALL ", branches) + ") c")) {
        bind(query, values);
        try (ResultSet result = query.executeQuery()) {
          while (result.next()) {
            ChangeCursor cursor = new ChangeCursor(Long.parseLong(result.getString(2)), result.getLong(3));
            highest.merge(PlanningCollection.fieldOf(result.getString(1)), cursor,
                (one, other) -> one.compareTo(other) >= 0 ? one : other);
          }
        }
      }
      StringWriter text = new StringWriter(1024);
      try (JsonGenerator json = Jsons.JSON.createGenerator(text)) {
        json.writeStartObject();
        json.write("maxRowVersion", highest.values().stream().max(ChangeCursor::compareTo)
            .orElse(ChangeCursor.START).toString());
        json.writeStartObject("types");
        highest.forEach((type, cursor) -> json.write(type, cursor.toString()));
        json.writeEnd();
        writeState(json, connection, bound);
        json.writeEnd();
      }
      return text.toString();
    }
  }

  /**
   * Deletes the tombstones older than {@code before} and moves the horizon up to the highest of them: a cursor
   * below it may have missed one of those deletes. How many were deleted (none on H2, which keeps none).
   */
  public int prune(OffsetDateTime before) throws SQLException {
    try (Connection connection = meters.of("reads").open(dataSource)) {
      if (schema.database(connection) != Database.POSTGRESQL) {
        return 0;
      }
      try (PreparedStatement prune = connection.prepareStatement("WITH gone AS (DELETE FROM change_tombstone"
          + " WHERE deleted_at < ? RETURNING change_xid, row_version), newest AS (SELECT change_xid, row_version FROM"
          + " gone ORDER BY change_xid DESC, row_version DESC LIMIT 1), moved AS (UPDATE change_feed_horizon h SET"
          + " change_xid = n.change_xid, row_version = n.row_version FROM newest n WHERE (n.change_xid, n.row_version)"
          + " > (h.change_xid, h.row_version)) SELECT COUNT(*) FROM gone")) {
        prune.setObject(1, before);
        try (ResultSet result = prune.executeQuery()) {
          result.next();
          return result.getInt(1);
        }
      }
    }
  }

  /** What one call reads below: the oldest running transaction's id (safe only) and the pruned horizon. */
  private record Bound(boolean safe, long below, ChangeCursor horizon) {}

  /** A change found: its type, its cursor, and for a delete its key (JSON text) and time. */
  private record Hit(ChangeType type, ChangeCursor cursor, String key, OffsetDateTime deletedAt) {}

  private Bound bound(Connection connection) throws SQLException {
    if (schema.database(connection) != Database.POSTGRESQL) {
      return new Bound(false, Long.MAX_VALUE, ChangeCursor.START);
    }
    try (PreparedStatement query = connection.prepareStatement("SELECT CAST(pg_snapshot_xmin(pg_current_snapshot())"
        + " AS VARCHAR), CAST(change_xid AS VARCHAR), row_version FROM change_feed_horizon");
        ResultSet result = query.executeQuery()) {
      result.next();
      return new Bound(true, Long.parseLong(result.getString(1)),
          new ChangeCursor(Long.parseLong(result.getString(2)), result.getLong(3)));
    }
  }

  /**
   * The next changes' cursors, in order: per type (and the tombstones) the first {@code count} after the cursor
   * below the bound, read by the (change_xid, row_version) index, then the first {@code count} of them all.
   */
  private static List<Hit> hits(Connection connection, Bound bound, List<ChangeType> wanted, ChangeCursor after,
      int count) throws SQLException {
    List<String> branches = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (ChangeType type : wanted) {
      branches.add("(SELECT CAST('" + type.collection().table() + "' AS VARCHAR(40)) AS t, " + column(bound)
          + " AS x, row_version AS v, CAST(NULL AS VARCHAR) AS k, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS d FROM "
          + type.collection().table() + after(bound, after, values) + order(bound, "") + " LIMIT ?)");
      values.add(count);
    }
    if (bound.safe()) {
      branches.add("(SELECT record_table, change_xid, row_version, CAST(record_key AS VARCHAR), deleted_at FROM"
          + " change_tombstone" + after(bound, after, values) + " AND record_table IN ("
          + String.join(", ", Collections.nCopies(wanted.size(), "?")) + ")" + order(bound, "") + " LIMIT ?)");
      wanted.forEach(type -> values.add(type.collection().table()));
      values.add(count);
    }
    // Ordered by the stamp itself (an output column named x would be its text, and "999" comes after "1003").
    String sql = "SELECT c.t, CAST(c.x AS VARCHAR) AS stamp, c.v, c.k, c.d FROM ("
        + String.join(" UNION ALL ", branches) + ") c ORDER BY c.x, c.v LIMIT ?";
    values.add(count);
    Map<String, ChangeType> byTable = wanted.stream()
        .collect(Collectors.toMap(type -> type.collection().table(), type -> type));
    List<Hit> hits = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      bind(query, values);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          // Values.time, not getObject(5, OffsetDateTime.class): Payara's wrapper answers that by reflection.
          hits.add(new Hit(byTable.get(result.getString(1)), new ChangeCursor(Long.parseLong(result.getString(2)),
              result.getLong(3)), result.getString(4), (OffsetDateTime) Values.time(result, 5, result.getObject(5))));
        }
      }
    }
    return hits;
  }

  /** The stamp column (a constant 0 on H2, which has none). */
  private static String column(Bound bound) {
    return bound.safe() ? "change_xid" : "CAST(0 AS BIGINT)";
  }

  /** The feed's order, ascending or {@code " DESC"}. */
  private static String order(Bound bound, String direction) {
    return bound.safe() ? " ORDER BY change_xid" + direction + ", row_version" + direction
        : " ORDER BY row_version" + direction;
  }

  /** {@code WHERE}: after the cursor and below the bound; its parameters go to {@code values}. */
  private static String after(Bound bound, ChangeCursor after, List<Object> values) {
    if (!bound.safe()) {
      values.add(after.rowVersion());
      return " WHERE row_version > ?";
    }
    values.addAll(List.of(String.valueOf(after.transaction()), after.rowVersion(), String.valueOf(bound.below())));
    return " WHERE (change_xid, row_version) > (CAST(? AS xid8), ?) AND change_xid < CAST(? AS xid8)";
  }

  private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(i + 1, values.get(i));
    }
  }

  /**
   * A type's rows on a page, read as one range of the (change_xid, row_version) index: those after the cursor up
   * to the page's last of that type, below the bound, which are the page's hits of that type (less any written
   * again or deleted since they were found: their newer change comes later). With what writing them needs.
   */
  private record Found(PlanningReads.Rows rows, Map<Long, Object[]> byVersion, List<String> fields, int[] key) {}

  private Found found(Connection connection, Bound bound, ChangeType type, ChangeCursor after, ChangeCursor last)
      throws SQLException {
    Map<String, Column> columns = PlanningCollection.readable(schema.columns(connection, type.collection().table()));
    List<Object> values = new ArrayList<>();
    String range = after(bound, after, values);
    if (bound.safe()) {
      range += " AND (change_xid, row_version) <= (CAST(? AS xid8), ?)";
      values.addAll(List.of(String.valueOf(last.transaction()), last.rowVersion()));
    } else {
      range += " AND row_version <= ?";
      values.add(last.rowVersion());
    }
    range += order(bound, "");
    PlanningReads.Rows rows = PlanningReads.select(connection, type.collection(), columns, range, values);
    List<String> names = rows.columns().stream().map(Column::name).toList();
    int version = names.indexOf("row_version");
    Map<Long, Object[]> byVersion = new HashMap<>();
    rows.values().forEach(row -> byVersion.put((Long) row[version], row));
    return new Found(rows, byVersion, names.stream().map(PlanningCollection::fieldOf).toList(),
        type.key().stream().mapToInt(names::indexOf).toArray());
  }

  private static void writeUpsert(JsonGenerator json, Hit hit, Found found, Object[] row) {
    json.writeStartObject().write("type", hit.type().name()).write("change", "upsert");
    json.writeStartObject("key");
    for (int column : found.key()) {
      json.write(found.fields().get(column), Snapshots.read(row[column]));
    }
    json.writeEnd();
    json.write("rowVersion", hit.cursor().rowVersion()).write("cursor", hit.cursor().toString());
    json.writeKey("record");
    found.rows().writeRow(json, found.fields(), row, false);
    json.writeEnd();
  }

  private void writeDelete(Connection connection, JsonGenerator json, Hit hit) throws SQLException {
    Map<String, Column> columns = schema.columns(connection, hit.type().collection().table());
    JsonObject key = Jsons.JSON.createReader(new StringReader(hit.key())).readObject();
    json.writeStartObject().write("type", hit.type().name()).write("change", "delete");
    json.writeStartObject("key");
    for (String column : hit.type().key()) {
      JsonValue value = key.getOrDefault(column, JsonValue.NULL);
      if (value instanceof JsonString time && columns.get(column).isTimestamp()) {
        value = Snapshots.read(OffsetDateTime.parse(time.getString()));
      }
      json.write(PlanningCollection.fieldOf(column), value);
    }
    json.writeEnd();
    json.write("rowVersion", hit.cursor().rowVersion()).write("cursor", hit.cursor().toString());
    json.write("deletedAt", Snapshots.read(hit.deletedAt()));
    json.writeEnd();
  }

  /** {@code safe}, and on PostgreSQL what holds the feed back: the oldest transaction still running, if any. */
  private static void writeState(JsonGenerator json, Connection connection, Bound bound) throws SQLException {
    json.write("safe", bound.safe());
    if (!bound.safe()) {
      json.writeNull("heldBack");
      return;
    }
    try (PreparedStatement query = connection.prepareStatement("SELECT MIN(xact_start), EXTRACT(EPOCH FROM"
        + " (CURRENT_TIMESTAMP - MIN(xact_start))) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()");
        ResultSet result = query.executeQuery()) {
      result.next();
      OffsetDateTime since = (OffsetDateTime) Values.time(result, 1, result.getObject(1));
      if (since == null) {
        json.writeNull("heldBack");
      } else {
        json.writeStartObject("heldBack").write("since", Snapshots.read(since))
            .write("seconds", Math.max(0, Math.round(result.getDouble(2) * 1000)) / 1000.0)
            .writeEnd();
      }
    }
  }
}
