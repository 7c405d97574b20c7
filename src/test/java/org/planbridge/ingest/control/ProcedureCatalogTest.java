package org.planbridge.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbridge.planning.control.Column;

class ProcedureCatalogTest {

  /** Every procedure of the issue. */
  @ParameterizedTest
  @ValueSource(strings = {
      "mboc_upsertJob", "mboc_deleteJob", "mboc_upsertTask", "mboc_deleteTask",
      "mboc_upsertAppointment", "mboc_deleteAppointment", "mboc_updateAppointmentCategory",
      "mboc_updateAppointmentTimeMarker", "mboc_updateAppointmentImportance", "mboc_updateAppointmentLocked",
      "mboc_updateAppointmentPlanningQty", "mboc_updateAppointmentContent", "mboc_addAppointmentResource",
      "mboc_deleteAppointmentResource", "mboc_upsertResource", "mboc_deleteResource", "mboc_upsertCategory",
      "mboc_deleteCategory", "mboc_upsertTimeMarker", "mboc_deleteTimeMarker", "mboc_upsertPin", "mboc_deletePin",
      "mboc_upsertFilterGroup", "mboc_deleteFilterGroup", "mboc_upsertFilterValue", "mboc_deleteFilterValue",
      "mboc_upsertTaskFilterValue", "mboc_deleteTaskFilterValue", "mboc_ClearTaskFilterValue",
      "mboc_upsertResourceFilterValue", "mboc_deleteResourceFilterValue", "mboc_ClearResourceFilterValue",
      "mboc_upsertActionUrl"})
  void everyProcedureOfTheSdksResolvesWhateverTheCase(String name) {
    Procedure procedure = ProcedureCatalog.find(name).orElseThrow(() -> new AssertionError(name + " is unknown"));
    assertEquals(name, procedure.name());
    assertSame(procedure, ProcedureCatalog.find(name.toLowerCase(Locale.ROOT)).orElseThrow());
    assertSame(procedure, ProcedureCatalog.find(name.toUpperCase(Locale.ROOT)).orElseThrow());
    assertSame(procedure, ProcedureCatalog.find("  " + name + " ").orElseThrow());
  }

  /** What the name says is what the procedure does: upsert, delete, clear or update, on the right table. */
  @ParameterizedTest
  @CsvSource({
      "mboc_upsertJob, UPSERT, job", "mboc_deleteJob, DELETE, job",
      "mboc_upsertTask, UPSERT, task", "mboc_deleteTask, DELETE, task",
      "mboc_upsertResource, UPSERT, resource", "mboc_deleteResource, DELETE, resource",
      "mboc_upsertCategory, UPSERT, category", "mboc_deleteCategory, DELETE, category",
      "mboc_upsertTimeMarker, UPSERT, time_marker", "mboc_deleteTimeMarker, DELETE, time_marker",
      "mboc_upsertPin, UPSERT, pin", "mboc_deletePin, DELETE, pin",
      "mboc_upsertFilterGroup, UPSERT, filter_group", "mboc_deleteFilterGroup, DELETE, filter_group",
      "mboc_upsertFilterValue, UPSERT, filter_value", "mboc_deleteFilterValue, DELETE, filter_value",
      "mboc_upsertTaskFilterValue, UPSERT, task_filter_value", "mboc_deleteTaskFilterValue, DELETE, task_filter_value",
      "mboc_ClearTaskFilterValue, CLEAR, task_filter_value",
      "mboc_upsertResourceFilterValue, UPSERT, resource_filter_value",
      "mboc_deleteResourceFilterValue, DELETE, resource_filter_value",
      "mboc_ClearResourceFilterValue, CLEAR, resource_filter_value",
      "mboc_upsertActionUrl, UPSERT, action_uri",
      "mboc_upsertAppointment, UPSERT_APPOINTMENT, appointment",
      "mboc_deleteAppointment, DELETE_APPOINTMENT, appointment",
      "mboc_updateAppointmentCategory, UPDATE_APPOINTMENT, appointment",
      "mboc_addAppointmentResource, ASSIGN, assignment", "mboc_deleteAppointmentResource, UNASSIGN, assignment",
      "mboc_updateTaskLocked, UPDATE, task"})
  void eachProcedureDoesWhatItsNameSays(String name, Operation operation, String table) {
    Procedure procedure = ProcedureCatalog.find(name).orElseThrow();
    assertEquals(operation, procedure.operation());
    assertEquals(table, procedure.target().table());
  }

  @ParameterizedTest
  @CsvSource({
      "mboc_updateAppointmentCategory, category", "mboc_updateAppointmentTimeMarker, time_marker",
      "mboc_updateAppointmentImportance, importance", "mboc_updateAppointmentLocked, locked",
      "mboc_updateAppointmentPlanningQty, planning_qty", "mboc_updateAppointmentContent, subject;body"})
  void anAppointmentSubUpdateWritesOnlyItsOwnColumns(String name, String columns) {
    assertEquals(List.of(columns.split(";")), ProcedureCatalog.find(name).orElseThrow().columns());
  }

  @Test
  void clearsMatchOnTheOwnerOnly() {
    assertEquals(List.of("source_app", "source_type", "job_no", "task_no"),
        ProcedureCatalog.find("mboc_ClearTaskFilterValue").orElseThrow().columns());
    assertEquals(List.of("resource_no"), ProcedureCatalog.find("mboc_ClearResourceFilterValue").orElseThrow().columns());
  }

  /** Older NET clients and the JS SDK spell some procedures differently (docs/dime-sdk-reference.md, section 2). */
  @ParameterizedTest
  @CsvSource({
      "mboc_upsertAppointmentResource, mboc_addAppointmentResource",
      "mboc_upsertAppointmentPlanningQuantity, mboc_updateAppointmentPlanningQty",
      "mboc_upsertAppointmentPlanningQty, mboc_updateAppointmentPlanningQty",
      "mboc_upsertAppointmentCategory, mboc_updateAppointmentCategory",
      "mboc_upsertAppointmentTimeMarker, mboc_updateAppointmentTimeMarker",
      "mboc_upsertAppointmentImportance, mboc_updateAppointmentImportance",
      "mboc_upsertAppointmentLocked, mboc_updateAppointmentLocked",
      "mboc_upsertTaskLocked, mboc_updateTaskLocked"})
  void sdkAliasesReachTheSameOperation(String alias, String name) {
    Procedure procedure = ProcedureCatalog.find(name).orElseThrow();
    Procedure aliased = ProcedureCatalog.find(alias).orElseThrow(() -> new AssertionError(alias + " is unknown"));
    assertEquals(procedure.operation(), aliased.operation());
    assertSame(procedure.target(), aliased.target());
    assertEquals(procedure.columns(), aliased.columns());
    assertSame(aliased, ProcedureCatalog.find(alias.toLowerCase(Locale.ROOT)).orElseThrow());
  }

  @Test
  void unknownNamesAreNotFound() {
    assertTrue(ProcedureCatalog.find("mboc_upsertJobs").isEmpty());
    assertTrue(ProcedureCatalog.find("upsertJob").isEmpty());
    assertTrue(ProcedureCatalog.find("").isEmpty());
    assertTrue(ProcedureCatalog.find(null).isEmpty());
  }

  @Test
  void allListsEachProcedureOnce() {
    List<Procedure> all = ProcedureCatalog.all();
    assertEquals(all.size(), new HashSet<>(all).size());
    assertEquals(all.size(), all.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).distinct().count());
    assertTrue(all.contains(ProcedureCatalog.find("mboc_addAppointmentResource").orElseThrow()));
  }

  // --- the catalog against the V1 schema

  static List<Target> targets() throws IllegalAccessException {
    List<Target> targets = new ArrayList<>();
    for (Field field : ProcedureCatalog.class.getDeclaredFields()) {
      if (field.getType() == Target.class && Modifier.isStatic(field.getModifiers())) {
        field.setAccessible(true);
        targets.add((Target) field.get(null));
      }
    }
    ProcedureCatalog.all().forEach(p -> {
      if (!targets.contains(p.target())) {
        targets.add(p.target());
      }
    });
    return targets;
  }

  @Test
  void everyColumnTheCatalogNamesExistsInTheV1Schema() throws IllegalAccessException {
    V1Schema schema = V1Schema.load();
    List<String> problems = new ArrayList<>();
    List<Target> targets = targets();
    assertTrue(targets.size() >= 13, "targets found: " + targets.size());
    for (Target target : targets) {
      Map<String, Column> columns = schema.tables.get(target.table());
      if (columns == null) {
        problems.add("table " + target.table() + " is not in V1");
        continue;
      }
      String t = target.table() + ".";
      target.key().forEach(c -> check(columns, c, t + "key ", problems));
      target.aliases().forEach((parameter, c) -> check(columns, c, t + "alias " + parameter + " -> ", problems));
      target.identity().forEach(c -> check(columns, c, t + "identity ", problems));
      target.enums().keySet().forEach(c -> check(columns, c, t + "enum ", problems));
      target.durations().forEach(c -> check(columns, c, t + "duration ", problems));
      if (target.parent() != null) {
        Target.Parent parent = target.parent();
        parent.childColumns().forEach(c -> check(columns, c, t + "parent link ", problems));
        Map<String, Column> parentColumns = schema.tables.get(parent.table());
        if (parentColumns == null) {
          problems.add(t + "parent table " + parent.table() + " is not in V1");
        } else {
          parent.parentColumns().forEach(c -> check(parentColumns, c, parent.table() + ". (parent of " + t + ") ", problems));
        }
        if (parent.childColumns().size() != parent.parentColumns().size()) {
          problems.add(t + "parent columns do not pair up");
        }
      }
    }
    for (Procedure procedure : ProcedureCatalog.all()) {
      Map<String, Column> columns = schema.tables.get(procedure.target().table());
      if (columns != null) {
        procedure.columns().forEach(c -> check(columns, c, procedure.name() + " column ", problems));
      }
    }
    assertEquals(List.of(), problems);
  }

  private static void check(Map<String, Column> columns, String column, String what, List<String> problems) {
    if (!columns.containsKey(column)) {
      problems.add(what + column + " is not a column");
    }
  }

  @Test
  void theSchemaHelperReallyReadsTheMigration() {
    V1Schema schema = V1Schema.load();
    Column shortDescription = schema.columns("job").get("short_description");
    assertEquals(50, shortDescription.size());
    assertFalse(shortDescription.nullable());
    assertTrue(schema.columns("appointment").get("importance").hasDefault());
    assertTrue(schema.columns("job").get("importance").nullable());
    assertEquals(Set.of(0, 1, 2), schema.checks.get("job").get("importance"));
    assertTrue(schema.columns("job").size() > 100);
  }

  @Test
  void enumerationsAllowExactlyWhatTheSchemaChecksAllow() throws IllegalAccessException {
    V1Schema schema = V1Schema.load();
    List<String> problems = new ArrayList<>();
    for (Target target : targets()) {
      Map<String, Set<Integer>> checks = schema.checks.getOrDefault(target.table(), Map.of());
      checks.forEach((column, allowed) -> {
        Map<Integer, String> values = target.enums().get(column);
        if (values == null) {
          problems.add(target.table() + "." + column + " has a CHECK but no enumeration in the catalog");
        } else if (!new TreeSet<>(values.keySet()).equals(allowed)) {
          problems.add(target.table() + "." + column + ": catalog " + values.keySet() + ", schema " + allowed);
        }
      });
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void importanceIsMediumZeroHighOneLowTwo() {
    assertEquals(Map.of(0, "Medium", 1, "High", 2, "Low"), ProcedureCatalog.APPOINTMENT.enums().get("importance"));
    assertEquals(ProcedureCatalog.JOB.enums().get("importance"), ProcedureCatalog.TASK.enums().get("importance"));
  }

  @Test
  void keysAreTheUniqueKeysOfTheSchemaAndNeverNullable() throws IllegalAccessException {
    V1Schema schema = V1Schema.load();
    for (Target target : targets()) {
      Map<String, Column> columns = schema.columns(target.table());
      for (String key : target.key()) {
        assertFalse(columns.get(key).nullable(), target.table() + "." + key + " is a key but nullable");
      }
    }
  }

  @Test
  void durationsAreWholeNumberColumns() throws IllegalAccessException {
    V1Schema schema = V1Schema.load();
    for (Target target : targets()) {
      for (String duration : target.durations()) {
        Column column = schema.columns(target.table()).get(duration);
        assertTrue(column.isLong() || column.isInteger(), target.table() + "." + duration + " is " + column.typeName());
      }
    }
  }

  /** An ignored or extra parameter that is also a column would silently drop the client's data. */
  @Test
  void ignoredAndExtraParametersDoNotShadowColumns() throws IllegalAccessException {
    V1Schema schema = V1Schema.load();
    List<String> problems = new ArrayList<>();
    for (Target target : targets()) {
      Set<String> writable = new HashSet<>();
      schema.columns(target.table()).keySet().stream().filter(c -> !ItemBinder.MAINTAINED.contains(c))
          .map(Names::normalize).forEach(writable::add);
      for (String name : target.ignored()) {
        if (writable.contains(name)) {
          problems.add(target.table() + " ignores " + name + ", a column");
        }
      }
      for (String name : target.extras()) {
        if (writable.contains(name)) {
          problems.add(target.table() + " takes " + name + " as an extra, but it is a column");
        }
      }
    }
    assertEquals(List.of(), problems);
  }
}
