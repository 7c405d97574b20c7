package org.planbridge.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planbridge.platform.control.BodyLimit;

class ImportRequestReaderTest {

  static InputStream body(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  static List<ImportItem> read(String json) {
    return ImportRequestReader.read(body(json));
  }

  static ImportRejected refusal(String json) {
    return assertThrows(ImportRejected.class, () -> read(json));
  }

  @Test
  void readsEveryItemInOrderWithItsIndexNamesAndValues() {
    List<ImportItem> items = read("""
        [
          {"StoredProcedureName": "mboc_upsertJob",
           "ParameterNames": ["SourceApp", "SourceType", "JobNo", "ShortDescription"],
           "ParameterValues": ["BC", "SO", "J-1", "Repair"]},
          {"StoredProcedureName": "mboc_deleteTask",
           "ParameterNames": ["SourceApp", "JobNo"],
           "ParameterValues": ["BC", "J-1"]}
        ]""");
    assertEquals(2, items.size());
    assertEquals(new ImportItem(0, "mboc_upsertJob", List.of("SourceApp", "SourceType", "JobNo", "ShortDescription"),
        List.of("BC", "SO", "J-1", "Repair")), items.get(0));
    assertEquals(new ImportItem(1, "mboc_deleteTask", List.of("SourceApp", "JobNo"), List.of("BC", "J-1")), items.get(1));
  }

  @Test
  void jsonNullNumbersAndBooleansAreValuesToo() {
    ImportItem item = read("""
        [{"StoredProcedureName": "mboc_upsertTask",
          "ParameterNames": ["Subject", "PlanningQty", "Index", "Locked", "Done", "Big"],
          "ParameterValues": [null, 12.50, 3, true, false, 36000000000]}]""").get(0);
    assertEquals(Arrays.asList(null, "12.50", "3", "true", "false", "36000000000"), item.values());
  }

  @Test
  void anEmptyArrayIsAnEmptyRequest() {
    assertEquals(List.of(), read("[]"));
    assertEquals(List.of(), read("  [ ]  \n"));
  }

  /** The JS SDK's delete of a record whose model has no delete procedure (an action URI) is {@code [{}]}. */
  @Test
  void anEmptyObjectIsRefusedSayingWhereTheDeleteGoes() {
    ImportRejected rejected = org.junit.jupiter.api.Assertions.assertThrows(ImportRejected.class, () -> read("[{}]"));
    assertEquals(400, rejected.status());
    org.junit.jupiter.api.Assertions.assertTrue(rejected.getMessage().contains("Item 0")
        && rejected.getMessage().contains("DELETE /api/<route>"), rejected.getMessage());
  }

  @Test
  void keysAreMatchedWithoutRegardToCase() {
    ImportItem item = read("""
        [{"storedProcedureName": "mboc_upsertPin", "PARAMETERNAMES": ["Name"], "parametervalues": ["Red"]}]""").get(0);
    assertEquals("mboc_upsertPin", item.procedure());
    assertEquals(List.of("Name"), item.names());
    assertEquals(List.of("Red"), item.values());
  }

  @Test
  void unknownKeysOfAnyShapeAreIgnored() {
    ImportItem item = read("""
        [{"Comment": "from BC", "Meta": {"a": [1, {"b": 2}]}, "Tags": [[1], {"x": null}], "Flag": true,
          "StoredProcedureName": "mboc_upsertPin", "ParameterNames": ["Name"], "ParameterValues": ["Red"], "Tail": null}]""")
        .get(0);
    assertEquals(new ImportItem(0, "mboc_upsertPin", List.of("Name"), List.of("Red")), item);
  }

  @Test
  void missingOrNullParameterListsAreEmpty() {
    ImportItem item = read("""
        [{"StoredProcedureName": "mboc_deleteResource"},
         {"StoredProcedureName": "mboc_deleteResource", "ParameterNames": null, "ParameterValues": null}]""").get(1);
    assertEquals(List.of(), item.names());
    assertEquals(List.of(), item.values());
  }

  @Test
  void malformedJsonIsRefusedSayingWhere() {
    ImportRejected rejected = refusal("[\n  {\"StoredProcedureName\": \"mboc_upsertPin\",,}\n]");
    assertEquals(400, rejected.status());
    assertTrue(rejected.getMessage().startsWith("Malformed JSON"), rejected.getMessage());
    assertTrue(rejected.getMessage().contains("line 2"), rejected.getMessage());
    assertTrue(rejected.getMessage().contains("column"), rejected.getMessage());
  }

  @Test
  void aBodyThatIsNotAnArrayIsRefused() {
    for (String json : List.of("{\"StoredProcedureName\": \"mboc_upsertPin\"}", "\"mboc_upsertPin\"", "42")) {
      ImportRejected rejected = refusal(json);
      assertEquals(400, rejected.status(), json);
      assertTrue(rejected.getMessage().contains("array"), rejected.getMessage());
    }
  }

  @Test
  void anItemThatIsNotAnObjectIsRefusedNamingItsIndex() {
    ImportRejected rejected = refusal("""
        [{"StoredProcedureName": "mboc_upsertPin", "ParameterNames": [], "ParameterValues": []}, "mboc_deletePin"]""");
    assertEquals(400, rejected.status());
    assertTrue(rejected.getMessage().startsWith("Item 1"), rejected.getMessage());
    assertTrue(rejected.getMessage().contains("object"), rejected.getMessage());
    assertTrue(refusal("[[]]").getMessage().startsWith("Item 0"));
  }

  @Test
  void aMissingOrEmptyProcedureNameIsRefused() {
    ImportRejected rejected = refusal("""
        [{"StoredProcedureName": "mboc_upsertPin"}, {"ParameterNames": ["Name"], "ParameterValues": ["Red"]}]""");
    assertTrue(rejected.getMessage().startsWith("Item 1"), rejected.getMessage());
    assertTrue(rejected.getMessage().contains("StoredProcedureName"), rejected.getMessage());
    assertTrue(refusal("[{\"StoredProcedureName\": \" \"}]").getMessage().contains("StoredProcedureName"));
    assertTrue(refusal("[{\"StoredProcedureName\": null}]").getMessage().contains("StoredProcedureName"));
  }

  @Test
  void namesAndValuesThatDoNotPairUpAreRefusedWithBothCounts() {
    ImportRejected rejected = refusal("""
        [{"StoredProcedureName": "mboc_upsertPin", "ParameterNames": ["Name"], "ParameterValues": ["Red"]},
         {"StoredProcedureName": "mboc_upsertCategory", "ParameterNames": ["CategoryName", "DisplayName", "CategoryHexColor"],
          "ParameterValues": ["Urgent"]}]""");
    String message = rejected.getMessage();
    assertEquals(400, rejected.status());
    assertTrue(message.startsWith("Item 1"), message);
    assertTrue(message.contains("mboc_upsertCategory"), message);
    assertTrue(message.contains("3") && message.contains("1"), message);
    assertTrue(message.indexOf("ParameterNames has 3") >= 0 && message.contains("ParameterValues has 1"), message);
  }

  @Test
  void aNestedValueInsteadOfAStringIsRefusedNamingTheField() {
    String message = refusal("""
        [{"StoredProcedureName": "mboc_upsertPin", "ParameterNames": ["Name"], "ParameterValues": [{"text": "Red"}]}]""")
        .getMessage();
    assertTrue(message.startsWith("Item 0"), message);
    assertTrue(message.contains("ParameterValues[0]"), message);
    assertTrue(refusal("[{\"StoredProcedureName\": \"x\", \"ParameterNames\": \"Name\"}]").getMessage()
        .contains("ParameterNames"));
  }

  @Test
  void trailingGarbageAfterTheArrayIsRefused() {
    for (String json : List.of("[] x", "[]]", "[] []", "[]{}")) {
      ImportRejected rejected = refusal(json);
      assertEquals(400, rejected.status(), json);
      assertTrue(rejected.getMessage().contains("Malformed JSON"), rejected.getMessage());
    }
  }

  @Test
  void anEmptyBodyIsRefusedSayingSo() {
    ImportRejected rejected = refusal("");
    assertEquals(400, rejected.status());
    assertTrue(rejected.getMessage().contains("empty"), rejected.getMessage());
  }

  @Test
  void anEmptyOrTruncatedBodyIsRefused() {
    for (String json : List.of("", "   ", "[", "[{\"StoredProcedureName\": \"mboc_upsertPin\"")) {
      ImportRejected rejected = refusal(json);
      assertEquals(400, rejected.status(), json);
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413() {
    String json = "[" + "{\"StoredProcedureName\": \"mboc_upsertPin\", \"ParameterNames\": [\"Name\"],"
        + " \"ParameterValues\": [\"Red\"]},".repeat(200) + "{}]";
    ImportRejected rejected = assertThrows(ImportRejected.class,
        () -> ImportRequestReader.read(new BodyLimit(body(json), 1000, null, 0, 1)));
    assertEquals(413, rejected.status());
    assertTrue(rejected.getMessage().contains("1000"), rejected.getMessage());
  }

  @Test
  void aBodyUnderTheLimitIsRead() {
    String json = "[{\"StoredProcedureName\": \"mboc_upsertPin\", \"ParameterNames\": [\"Name\"], \"ParameterValues\": [\"Red\"]}]";
    assertEquals(1, ImportRequestReader.read(new BodyLimit(body(json), json.length(), null, 0, 1)).size());
  }
}
