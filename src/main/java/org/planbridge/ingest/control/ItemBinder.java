package org.planbridge.ingest.control;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.planbridge.planning.control.Column;
import org.planbridge.planning.control.PlanningCollection;

/**
 * Matches an item's parameters to its procedure's columns and parses every value, so that nothing
 * reaches the database before the whole item is known to be well-formed.
 */
public final class ItemBinder {

  /** Columns the database maintains; no client writes them. */
  static final Set<String> MAINTAINED = Set.of("id", "row_version", "created_at", "updated_at");

  /** Columns PlanBridge derives from a parameter that is not a column (a password's hash); no parameter names them. */
  static final Set<String> DERIVED = PlanningCollection.SECRET;

  /** Per column map (one per table, kept by the schema for the application's life): columns by normalised name. */
  private static final Map<Map<String, Column>, Map<String, Column>> BY_NAME =
      Collections.synchronizedMap(new IdentityHashMap<>());

  private ItemBinder() {}

  private static Map<String, Column> byNormalizedName(Map<String, Column> columns) {
    Map<String, Column> byName = new HashMap<>();
    columns.forEach((name, column) -> {
      if (!MAINTAINED.contains(name) && !DERIVED.contains(name)) {
        byName.put(Names.normalize(name), column);
      }
    });
    return Map.copyOf(byName);
  }

  public static BoundItem bind(ImportItem item, Procedure procedure, Map<String, Column> columns) {
    Target target = procedure.target();
    Map<String, Column> byName = BY_NAME.computeIfAbsent(columns, ItemBinder::byNormalizedName);
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> extras = new HashMap<>();
    Map<String, String> sentNames = new HashMap<>();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < item.names().size(); i++) {
      String name = item.names().get(i);
      String raw = item.values().get(i);
      if (name == null || name.isBlank()) {
        throw reject(item, procedure, null, "parameter name number " + i + " is empty");
      }
      String normalized = Names.normalize(name);
      Integer earlier = positions.putIfAbsent(normalized, i);
      if (earlier != null) {
        // Two values for one parameter: which one the client meant cannot be known, so neither is taken.
        throw reject(item, procedure, name, "is given twice (parameter names " + earlier + " and " + i + ")");
      }
      if (target.ignored().contains(normalized)) {
        continue;
      }
      if (target.extras().contains(normalized)) {
        extras.put(normalized, raw);
        continue;
      }
      Column column = column(procedure, columns, byName, normalized);
      if (column == null) {
        throw reject(item, procedure, name, "is not a parameter of " + procedure.name());
      }
      if (raw == null || !writes(procedure, column.name())) {
        // A null is a parameter not sent (the JS SDK sends null for every field left unset): it leaves
        // the stored value alone; an empty string clears it. A delete reads only the key.
        continue;
      }
      Object value;
      try {
        value = ValueParser.parse(raw, column, target);
      } catch (ValueParser.Invalid e) {
        throw reject(item, procedure, name, e.getMessage());
      }
      Target.Range range = target.bounds().get(column.name());
      if (range != null && value instanceof Number number && !range.contains(number)) {
        throw reject(item, procedure, name, "must be from " + range.min() + " to " + range.max() + ", not " + raw.trim());
      }
      boolean empty = value == null || value instanceof String text && text.isBlank();
      if (empty && !column.nullable() && !target.key().contains(column.name())) {
        if (column.hasDefault()) {
          continue;
        }
        throw reject(item, procedure, name, "must not be empty");
      }
      values.put(column.name(), value);
      sentNames.put(column.name(), name);
    }
    BoundItem bound = new BoundItem(item, procedure, values, extras, sentNames);
    return requireKey(bound);
  }

  /** Whether the procedure takes a parameter of that name (one it ignores or reads besides the columns too). */
  public static boolean accepts(Procedure procedure, Map<String, Column> columns, String name) {
    String normalized = Names.normalize(name);
    Target target = procedure.target();
    return target.ignored().contains(normalized) || target.extras().contains(normalized)
        || column(procedure, columns, BY_NAME.computeIfAbsent(columns, ItemBinder::byNormalizedName), normalized) != null;
  }

  /** The column a parameter (its normalised name) writes or matches; null where the procedure has no such one. */
  private static Column column(Procedure procedure, Map<String, Column> columns, Map<String, Column> byName,
      String normalized) {
    Target target = procedure.target();
    String aliased = target.aliases().get(normalized);
    Column column = aliased != null ? columns.get(aliased) : byName.get(normalized);
    if (column == null || procedure.writesOnly() && !procedure.columns().contains(column.name())
        && !target.key().contains(column.name()) && !target.identity().contains(column.name())) {
      return null;
    }
    return column;
  }

  /** Whether the procedure uses the column's value at all (a delete or clear needs only its match columns). */
  private static boolean writes(Procedure procedure, String column) {
    return switch (procedure.operation()) {
      case DELETE -> procedure.target().key().contains(column);
      case CLEAR, DELETE_MATCHING -> procedure.columns().contains(column);
      default -> true;
    };
  }

  /** The operations that remove something: with no parameter at all they name nothing, and are refused. */
  static final Set<Operation> REMOVING = Set.of(Operation.DELETE, Operation.CLEAR, Operation.DELETE_MATCHING,
      Operation.DELETE_APPOINTMENT, Operation.CLEAR_APPOINTMENT, Operation.DELETE_APPOINTMENT_RECORD,
      Operation.UNASSIGN);

  private static BoundItem requireKey(BoundItem bound) {
    Procedure procedure = bound.procedure();
    java.util.List<String> required = switch (procedure.operation()) {
      case UPSERT, UPDATE, DELETE -> procedure.target().key();
      case CLEAR -> procedure.columns();
      case ASSIGN, UNASSIGN -> java.util.List.of("resource_no");
      case UPSERT_APPOINTMENT_RECORD, DELETE_APPOINTMENT_RECORD ->
          procedure.target().key().stream().filter(column -> !column.equals("appointment_guid")).toList();
      default -> java.util.List.of();
    };
    if (bound.item().names().isEmpty() && REMOVING.contains(procedure.operation())) {
      // Some SDK models send a delete without parameters: nothing says which record, so nothing is deleted.
      String needed = procedure.target() == ProcedureCatalog.APPOINTMENT ? "AppointmentId"
          : bound.nameOf(required.isEmpty() ? procedure.columns().get(0) : required.get(0));
      throw reject(bound.item(), procedure, needed, "is missing: the call has no parameters, so it names nothing to"
          + " delete (some SDK models send their deletes so)" + TypedRoutes.deleting(procedure.name())
          .map(route -> "; delete through the typed route instead: DELETE /api/" + route + " with the record")
          .orElse(""));
    }
    if (procedure.operation() == Operation.DELETE_MATCHING
        && procedure.columns().stream().noneMatch(bound.values()::containsKey)) {
      throw reject(bound.item(), procedure, null, "names nothing to delete: give at least one of "
          + String.join(", ", procedure.columns().stream().map(bound::nameOf).toList()));
    }
    for (String column : required) {
      Object value = bound.values().get(column);
      if (value == null || value instanceof String text && text.isBlank()) {
        throw reject(bound.item(), procedure, bound.nameOf(column), "is required and missing");
      }
    }
    return bound;
  }

  static ImportRejected reject(ImportItem item, Procedure procedure, String parameter, String problem) {
    return ImportRejected.item(item.index(), procedure.name(), parameter, problem);
  }
}
