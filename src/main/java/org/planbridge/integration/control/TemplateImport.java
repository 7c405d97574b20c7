package org.planbridge.integration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planbridge.ingest.control.BoundItem;
import org.planbridge.ingest.control.ImportItem;
import org.planbridge.ingest.control.ImportRejected;
import org.planbridge.ingest.control.ItemBinder;
import org.planbridge.ingest.control.Target;
import org.planbridge.planning.control.Column;
import org.planbridge.planning.control.PlanningSchema;
import org.planbridge.planning.control.PlanningWriter;

/**
 * Judges every element of a template import before anything is written, so that each is applied whole or not at
 * all without a savepoint per element (10,000 of them would overflow PostgreSQL's subtransaction cache). Each
 * element's calls are bound as the import binds them; then, against one read per record type of the rows they
 * name and one per parent type of the parents they need, in the order of the elements: whether each record is
 * inserted or updated, whether the template lets it be (a record it may not insert or update is skipped), whether a
 * new record has what it needs, and whether its parent exists or a valid earlier element creates it. What the
 * import's engine refuses even so (an appointment's own rules) the caller learns when it applies the plan.
 */
@ApplicationScoped
public class TemplateImport {

  @Inject PlanningSchema schema;
  @Inject PlanningWriter writer;

  /** One bound call of an element, with what judging it needs. */
  private record Call(RecordMapping record, BoundItem item, List<String> keyColumns, List<Object> key) {

    String table() {
      return item.procedure().target().table();
    }

    Target.Parent parent() {
      return item.procedure().target().parent();
    }
  }

  /** The plan for {@code elements} (those of a template's import that mapped), against the database as it is now. */
  public ImportPlan plan(Connection connection, Template template, List<MappedElement> elements) throws SQLException {
    List<ElementError> errors = new ArrayList<>();
    Map<MappedElement, List<Call>> bound = new LinkedHashMap<>();
    for (MappedElement element : elements) {
      List<Call> calls = bind(connection, element, errors);
      if (calls != null) {
        bound.put(element, calls);
      }
    }
    State state = State.read(connection, schema, writer, bound.values());
    Map<RecordMapping, Integer> order = new IdentityHashMap<>();
    template.records().forEach(record -> order.put(record, order.size()));
    List<Change> changes = new ArrayList<>();
    List<Accepted> accepted = new ArrayList<>();
    for (Map.Entry<MappedElement, List<Call>> element : bound.entrySet()) {
      Judged judged = state.judge(connection, schema, element.getKey().index(), element.getValue());
      if (judged.error() != null) {
        errors.add(judged.error());
        continue;
      }
      changes.addAll(judged.changes());
      for (Call call : judged.written()) {
        accepted.add(new Accepted(order.get(call.record()), call.item().item(), call.key()));
      }
    }
    errors.sort(java.util.Comparator.comparingInt(ElementError::element));
    return new ImportPlan(BatchOrder.of(accepted), changes, errors);
  }

  /** The element's calls bound; null (and its error added) when one of them cannot be. */
  private List<Call> bind(Connection connection, MappedElement element, List<ElementError> errors)
      throws SQLException {
    List<Call> calls = new ArrayList<>();
    for (ElementMapper.Mapped mapped : element.items()) {
      var procedure = mapped.record().procedure();
      try {
        BoundItem item = ItemBinder.bind(mapped.item(), procedure, schema.columns(connection,
            procedure.target().table()));
        List<String> keyColumns = keyColumns(procedure.target());
        List<Object> key = new ArrayList<>(keyColumns.size());
        keyColumns.forEach(column -> key.add(item.values().get(column)));
        calls.add(new Call(mapped.record(), item, keyColumns, key.contains(null) ? null : key));
      } catch (ImportRejected e) {
        errors.add(new ElementError(element.index(), mapped.record().record(), e.parameter(), e.problem()));
        return null;
      }
    }
    return calls;
  }

  /** What names a record: its key, but an appointment's guid (its id is PlanBridge's, which a client rarely has). */
  static List<String> keyColumns(Target target) {
    return target.table().equals("appointment") ? List.of("appointment_guid") : target.key();
  }

  /** A call of a valid element, to be applied: its record's place in the template and the record's key. */
  record Accepted(int record, ImportItem item, List<Object> key) {}

  private record Judged(List<Change> changes, List<Call> written, ElementError error) {}

  /**
   * The rows the elements name and the parents they need, as read once and then as the valid elements before
   * the one being judged leave them.
   */
  private static final class State {
    private final Map<String, Map<List<Object>, Map<String, Object>>> rows = new HashMap<>();
    private final Map<Target.Parent, Set<List<Object>>> parents = new HashMap<>();

    static State read(Connection connection, PlanningSchema schema, PlanningWriter writer,
        java.util.Collection<List<Call>> elements) throws SQLException {
      Map<String, Set<List<Object>>> keys = new LinkedHashMap<>();
      Map<String, List<String>> keyColumns = new HashMap<>();
      Map<String, Set<String>> given = new HashMap<>();
      Map<Target.Parent, Set<List<Object>>> parentKeys = new LinkedHashMap<>();
      for (List<Call> calls : elements) {
        for (Call call : calls) {
          keyColumns.putIfAbsent(call.table(), call.keyColumns());
          Set<List<Object>> tableKeys = keys.computeIfAbsent(call.table(), table -> new LinkedHashSet<>());
          if (call.key() != null) {
            tableKeys.add(call.key());
          }
          given.computeIfAbsent(call.table(), table -> new LinkedHashSet<>()).addAll(call.item().values().keySet());
          List<Object> parentKey = call.parent() == null ? null
              : project(call.item().values(), call.parent().childColumns());
          if (parentKey != null && !parentKey.contains(null)) {
            parentKeys.computeIfAbsent(call.parent(), parent -> new LinkedHashSet<>()).add(parentKey);
          }
        }
      }
      State state = new State();
      for (Map.Entry<String, Set<List<Object>>> table : keys.entrySet()) {
        Map<String, Column> columns = schema.columns(connection, table.getKey());
        List<String> key = keyColumns.get(table.getKey());
        List<Column> values = given.get(table.getKey()).stream().filter(column -> !key.contains(column))
            .map(columns::get).toList();
        state.rows.put(table.getKey(), new HashMap<>(writer.rows(connection, table.getKey(),
            key.stream().map(columns::get).toList(), values, table.getValue())));
      }
      for (Map.Entry<Target.Parent, Set<List<Object>>> parent : parentKeys.entrySet()) {
        Map<String, Column> columns = schema.columns(connection, parent.getKey().table());
        state.parents.put(parent.getKey(), new java.util.HashSet<>(writer.existing(connection,
            parent.getKey().table(), parent.getKey().parentColumns().stream().map(columns::get).toList(),
            parent.getValue())));
      }
      return state;
    }

    /** One element's changes, or why it is refused; a valid element's changes become the state. */
    Judged judge(Connection connection, PlanningSchema schema, int element, List<Call> calls) throws SQLException {
      Map<String, Map<List<Object>, Map<String, Object>>> written = new HashMap<>();
      List<Change> changes = new ArrayList<>();
      List<Call> applied = new ArrayList<>();
      for (Call call : calls) {
        RecordMapping record = call.record();
        BoundItem item = call.item();
        Map<String, Object> before = call.key() == null ? null : written.getOrDefault(call.table(), Map.of())
            .getOrDefault(call.key(), rows.get(call.table()).get(call.key()));
        Map<String, Object> key = new LinkedHashMap<>();
        call.keyColumns().forEach(column -> key.put(item.nameOf(column), item.values().get(column)));
        if (before != null && !record.update() || before == null && !record.insert()) {
          changes.add(new Change(element, record.record(), Change.SKIPPED, key, Map.of(), before != null
              ? "it exists, and the template does not update " + record.record() + " records"
              : "it does not exist, and the template does not insert " + record.record() + " records"));
          continue;
        }
        if (before == null && !call.table().equals("appointment")) { // the appointment store checks its own
          for (Column column : schema.columns(connection, call.table()).values()) {
            if (column.requiredOnInsert() && !item.values().containsKey(column.name())) {
              return refused(element, record, item.nameOf(column.name()), "is required to create "
                  + record.record() + " " + describe(key) + ", which does not exist yet");
            }
          }
        }
        Target.Parent parent = call.parent();
        List<Object> parentKey = parent == null ? null : project(item.values(), parent.childColumns());
        // A key not given whole is the engine's to judge (an appointment need not belong to a task).
        if (parentKey != null && !parentKey.contains(null) && !parentKnown(parent, parentKey, written)) {
          Map<String, Object> named = new LinkedHashMap<>();
          parent.childColumns().forEach(column -> named.put(item.nameOf(column), item.values().get(column)));
          return refused(element, record, null, parent.label() + " " + describe(named) + " does not exist");
        }
        Map<String, List<Object>> fields = new LinkedHashMap<>();
        item.values().forEach((column, value) -> {
          if (!call.keyColumns().contains(column)) {
            fields.put(item.nameOf(column), java.util.Arrays.asList(before == null ? null : before.get(column), value));
          }
        });
        changes.add(new Change(element, record.record(), before == null ? Change.INSERT : Change.UPDATE, key, fields,
            null));
        applied.add(call);
        if (call.key() != null) {
          Map<String, Object> after = new HashMap<>(before == null ? Map.of() : before);
          after.putAll(item.values());
          written.computeIfAbsent(call.table(), table -> new HashMap<>()).put(call.key(), after);
        }
      }
      written.forEach((table, byKey) -> {
        rows.get(table).putAll(byKey);
        parents.forEach((parent, known) -> {
          if (parent.table().equals(table)) {
            byKey.values().forEach(row -> known.add(project(row, parent.parentColumns())));
          }
        });
      });
      return new Judged(changes, applied, null);
    }

    private boolean parentKnown(Target.Parent parent, List<Object> key,
        Map<String, Map<List<Object>, Map<String, Object>>> written) {
      if (parents.get(parent).contains(key)) {
        return true;
      }
      return written.getOrDefault(parent.table(), Map.of()).values().stream()
          .anyMatch(row -> project(row, parent.parentColumns()).equals(key));
    }

    private static Judged refused(int element, RecordMapping record, String field, String message) {
      return new Judged(List.of(), List.of(), new ElementError(element, record.record(), field, message));
    }
  }

  private static List<Object> project(Map<String, Object> values, List<String> columns) {
    List<Object> key = new ArrayList<>(columns.size());
    columns.forEach(column -> key.add(values.get(column)));
    return key;
  }

  private static String describe(Map<String, Object> named) {
    StringBuilder text = new StringBuilder("(");
    named.forEach((name, value) -> text.append(text.length() > 1 ? ", " : "").append(name).append('=').append(value));
    return text.append(')').toString();
  }
}
