package org.planbridge.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbridge.platform.control.BodyLimit;

class TypedRoutesTest {

  static InputStream body(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  static List<ImportItem> items(String json, String procedure) {
    return TypedRoutes.items(TypedRoutes.read(body(json)), procedure);
  }

  static TypedRoutes.Route route(String name) {
    return TypedRoutes.find(name).orElseThrow(() -> new AssertionError("no route " + name));
  }

  // Routes

  @ParameterizedTest
  @CsvSource({
      "job, mboc_upsertJob, mboc_deleteJob", "Job, mboc_upsertJob, mboc_deleteJob", "JOB, mboc_upsertJob, mboc_deleteJob",
      "task, mboc_upsertTask, mboc_deleteTask", "resource, mboc_upsertResource, mboc_deleteResource",
      "categories, mboc_upsertCategory, mboc_deleteCategory", "Categories, mboc_upsertCategory, mboc_deleteCategory",
      "timeMarker, mboc_upsertTimeMarker, mboc_deleteTimeMarker", "timemarker, mboc_upsertTimeMarker, mboc_deleteTimeMarker",
      "pin, mboc_upsertPin, mboc_deletePin", "filterGroup, mboc_upsertFilterGroup, mboc_deleteFilterGroup",
      "filterValue, mboc_upsertFilterValue, mboc_deleteFilterValue",
      "taskFilterValue, mboc_upsertTaskFilterValue, mboc_deleteTaskFilterValue",
      "resourceFilterValue, mboc_upsertResourceFilterValue, mboc_deleteResourceFilterValue",
      "appointment, mboc_upsertAppointment, mboc_deleteAppointment",
      "actionuri, mboc_upsertActionUrl, mboc_deleteActionUrl", "ActionUri, mboc_upsertActionUrl, mboc_deleteActionUrl",
      "assignment, mboc_addAppointmentResource, mboc_deleteAppointmentResource"})
  void verbsMapToProceduresWhateverTheCaseOfTheRoute(String name, String upsert, String delete) {
    TypedRoutes.Route route = route(name);
    assertEquals(Optional.of(upsert), route.procedureFor("POST"));
    assertEquals(Optional.of(upsert), route.procedureFor("PUT"));
    assertEquals(Optional.of(delete), route.procedureFor("DELETE"));
    assertEquals(Optional.empty(), route.procedureFor("GET"));
    assertEquals(Optional.empty(), route.procedureFor("PATCH"));
  }

  @ParameterizedTest
  @CsvSource({
      "appointmentCategory, mboc_updateAppointmentCategory, mboc_deleteAppointmentCategory",
      "appointmentImportance, mboc_updateAppointmentImportance, mboc_deleteAppointmentImportance",
      "appointmentLocked, mboc_updateAppointmentLocked, mboc_deleteAppointmentLocked",
      "appointmentPlanningQuantity, mboc_updateAppointmentPlanningQty, mboc_deleteAppointmentPlanningQty",
      "appointmentTimeMarker, mboc_updateAppointmentTimeMarker, mboc_deleteAppointmentTimeMarker",
      "appointmentcontent, mboc_updateAppointmentContent,", "appointmentContent, mboc_updateAppointmentContent,",
      "taskLocked, mboc_updateTaskLocked,"})
  void attributeRoutesUpdateAndSomeClear(String name, String procedure, String clear) {
    TypedRoutes.Route route = route(name);
    assertEquals(Optional.of(procedure), route.procedureFor("POST"));
    assertEquals(Optional.of(procedure), route.procedureFor("PUT"));
    assertEquals(Optional.ofNullable(clear), route.procedureFor("DELETE"));
  }

  @Test
  void everyRouteLeadsToAProcedureOfTheCatalog() {
    List<String> problems = new ArrayList<>();
    for (String name : TypedRoutes.names().split(", ")) {
      TypedRoutes.Route route = route(name);
      for (String verb : List.of("POST", "PUT", "DELETE")) {
        route.procedureFor(verb).filter(p -> ProcedureCatalog.find(p).isEmpty())
            .ifPresent(p -> problems.add(verb + " /api/" + name + " -> " + p));
      }
    }
    assertEquals(List.of(), problems);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jobs", "category", "import", "", "appointmentUris"})
  void unknownRoutesAreNotFound(String name) {
    assertTrue(TypedRoutes.find(name).isEmpty());
  }

  // Bodies

  @Test
  void anArrayOfObjectsIsOneCallPerObject() {
    List<ImportItem> items = items("""
        [{"sourceApp": "BC", "sourceType": "SO", "jobNo": "J-1"},
         {"sourceApp": "BC", "sourceType": "SO", "jobNo": "J-2", "shortDescription": "Second"}]""", "mboc_upsertJob");
    assertEquals(2, items.size());
    assertEquals(new ImportItem(0, "mboc_upsertJob", List.of("sourceApp", "sourceType", "jobNo"),
        List.of("BC", "SO", "J-1")), items.get(0));
    assertEquals(1, items.get(1).index());
    assertEquals(List.of("BC", "SO", "J-2", "Second"), items.get(1).values());
  }

  @Test
  void theDotNetSdkSendsASingleObject() {
    List<ImportItem> items = items("{\"SourceApp\": \"BC\", \"SourceType\": \"SO\", \"JobNo\": \"J-1\"}", "mboc_deleteJob");
    assertEquals(List.of(new ImportItem(0, "mboc_deleteJob", List.of("SourceApp", "SourceType", "JobNo"),
        List.of("BC", "SO", "J-1"))), items);
  }

  @Test
  void jsonValuesBecomeTheStringsTheImportParses() {
    ImportItem item = items("""
        [{"importance": 1, "planningQuantity": 2.5, "isAllDay": true, "locked": false, "subject": null,
          "duration": 36000000000, "resourceNo": ["R1", "R2", "R3"], "tags": [1, true]}]""", "mboc_upsertAppointment")
        .get(0);
    assertEquals(List.of("importance", "planningQuantity", "isAllDay", "locked", "subject", "duration", "resourceNo", "tags"),
        item.names());
    assertEquals(Arrays.asList("1", "2.5", "true", "false", null, "36000000000", "R1;R2;R3", "1;true"), item.values());
  }

  @Test
  void anEmptyArrayFieldIsAnEmptyValue() {
    assertEquals(List.of(""), items("[{\"resourceNo\": []}]", "mboc_upsertAppointment").get(0).values());
  }

  @Test
  void aNestedObjectIsRefusedNamingTheFieldAndTheItem() {
    ImportRejected rejected = assertThrows(ImportRejected.class, () -> items("""
        [{"jobNo": "J-1"}, {"jobNo": "J-2", "customer": {"no": "C-1"}}]""", "mboc_upsertJob"));
    assertEquals(400, rejected.status());
    String message = rejected.getMessage();
    assertTrue(message.startsWith("Item 1 (mboc_upsertJob), parameter customer"), message);
    assertTrue(message.contains("object"), message);
    String inList = assertThrows(ImportRejected.class,
        () -> items("{\"resourceNo\": [\"R1\", {\"no\": \"R2\"}]}", "mboc_upsertAppointment")).getMessage();
    assertTrue(inList.contains("parameter resourceNo"), inList);
  }

  @Test
  void anArrayElementThatIsNotAnObjectIsRefusedNamingItsIndex() {
    ImportRejected rejected = assertThrows(ImportRejected.class,
        () -> items("[{\"jobNo\": \"J-1\"}, \"J-2\"]", "mboc_deleteJob"));
    assertTrue(rejected.getMessage().startsWith("Item 1 (mboc_deleteJob)"), rejected.getMessage());
  }

  @Test
  void malformedJsonIsRefusedSayingWhere() {
    ImportRejected rejected = assertThrows(ImportRejected.class, () -> TypedRoutes.read(body("{\"jobNo\": \"J-1\",\n}")));
    assertEquals(400, rejected.status());
    assertTrue(rejected.getMessage().startsWith("Malformed JSON at line 2"), rejected.getMessage());
  }

  @Test
  void anEmptyBodyIsRefusedSayingSo() {
    ImportRejected rejected = assertThrows(ImportRejected.class, () -> TypedRoutes.read(body("")));
    assertEquals(400, rejected.status());
    assertTrue(rejected.getMessage().contains("empty"), rejected.getMessage());
    assertEquals(400, assertThrows(ImportRejected.class, () -> TypedRoutes.read(body("  \n"))).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"42", "\"J-1\"", "null", "true"})
  void aBodyThatIsNeitherAnObjectNorAnArrayIsRefused(String json) {
    ImportRejected rejected = assertThrows(ImportRejected.class, () -> TypedRoutes.read(body(json)));
    assertEquals(400, rejected.status());
    assertTrue(rejected.getMessage().contains("object"), rejected.getMessage());
  }

  /** Two objects one after the other must not become one call with the second lost. */
  @ParameterizedTest
  @ValueSource(strings = {"{\"jobNo\": \"J-1\"} {\"jobNo\": \"J-2\"}", "[{\"jobNo\": \"J-1\"}] x", "[]]"})
  void anythingAfterTheBodysJsonIsRefused(String json) {
    ImportRejected rejected = assertThrows(ImportRejected.class, () -> TypedRoutes.read(body(json)));
    assertEquals(400, rejected.status());
    assertTrue(rejected.getMessage().startsWith("Malformed JSON"), rejected.getMessage());
  }

  @Test
  void nullsInAListAreLeftOut() {
    assertEquals(List.of("R1;R2"), items("{\"resourceNo\": [\"R1\", null, \"R2\"]}", "mboc_upsertAppointment")
        .get(0).values());
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413() {
    String json = "[" + "{\"jobNo\": \"J-1\"},".repeat(100) + "{}]";
    ImportRejected rejected = assertThrows(ImportRejected.class,
        () -> TypedRoutes.read(new BodyLimit(body(json), 100, null, 0, 1)));
    assertEquals(413, rejected.status());
  }

  @Test
  void typedFieldNamesBindThroughTheCatalogsAliases() {
    ImportItem item = items("{\"Id\": 5, \"Start\": \"2024-05-01T08:00:00.000Z\", \"End\": \"2024-05-01T10:00:00.000Z\","
        + " \"IsAllDay\": false, \"UnitOfMeasure\": \"HOUR\", \"Importance\": 2}", "mboc_upsertAppointment").get(0);
    BoundItem bound = ItemBinder.bind(item, ProcedureCatalog.find(item.procedure()).orElseThrow(), ItemBinderTest.APPOINTMENT);
    assertEquals(5L, bound.values().get("appointment_id"));
    assertEquals(Boolean.FALSE, bound.values().get("is_all_day_event"));
    assertEquals("HOUR", bound.values().get("planning_uom"));
    assertEquals(2, bound.values().get("importance"));
    assertTrue(bound.values().containsKey("start_time") && bound.values().containsKey("end_time"));
  }

  @Test
  void readGivesTheStructureAsSent() {
    JsonStructure single = TypedRoutes.read(body("{\"a\": 1}"));
    assertEquals(JsonStructure.ValueType.OBJECT, single.getValueType());
    assertEquals(JsonStructure.ValueType.ARRAY, TypedRoutes.read(body("[{\"a\": 1}]")).getValueType());
  }
}
