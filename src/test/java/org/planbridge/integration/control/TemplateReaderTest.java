package org.planbridge.integration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbridge.ingest.control.ImportItem;
import org.planbridge.planning.control.PlanningSchema;
import org.planbridge.platform.control.JsonBody;
import org.planbridge.platform.control.SchemaMigration;

/**
 * Templates as an administrator saves them, against the real schema (H2, migrated as the server migrates it):
 * the ready-made ones are valid and map a client's element into the procedure calls the import applies; a wrong
 * one is refused with the line and field of each mistake.
 */
class TemplateReaderTest {

  private static Connection connection;
  private static TargetFields fields;
  private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor();
  private static final Sandbox SANDBOX = new Sandbox(EXECUTOR, ExpressionLimits.DEFAULT);

  @BeforeAll
  static void schema() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:templates-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    SchemaMigration.migrate(h2);
    connection = h2.getConnection();
    fields = new SchemaFields(new PlanningSchema(), connection);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
    EXECUTOR.shutdownNow();
  }

  private static String readyMade(String name) throws IOException {
    try (InputStream in = TemplateReader.class.getResourceAsStream("/integration/templates/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static JsonObject json(String text) {
    return JsonBody.object(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "an element");
  }

  @ParameterizedTest
  @ValueSource(strings = {"customer-import", "project-import", "appointment-export"})
  void theReadyMadeTemplatesAreValid(String name) throws IOException {
    Template template = TemplateReader.read(readyMade(name), fields);
    assertEquals(name, template.name());
    assertTrue(!template.writes().isEmpty());
  }

  @Test
  void aProjectWithItsPhasesBecomesAJobAndItsTasks() throws IOException {
    Template template = TemplateReader.read(readyMade("project-import"), fields);
    List<ImportItem> items = ElementMapper.items(template, 7, json("""
        {"ProjectNo": "P-100", "Title": "Pump station", "Customer": "C1", "Start": "01.03.2027", "End": "30.04.2027",
         "Phases": [{"Code": "10", "Name": "Design", "Hours": "12,5"}, {"Code": "20", "Name": "Build", "Hours": "40"}]}
        """), SANDBOX);
    assertEquals(List.of("mboc_upsertJob", "mboc_upsertTask", "mboc_upsertTask"),
        items.stream().map(ImportItem::procedure).toList());
    assertTrue(items.stream().allMatch(item -> item.index() == 7));
    ImportItem job = items.get(0);
    assertEquals("2027-03-01", job.values().get(job.names().indexOf("StartDate")));
    assertEquals("ERP", job.values().get(job.names().indexOf("SourceApp")));
    ImportItem design = items.get(1);
    assertEquals("P-100", design.values().get(design.names().indexOf("JobNo")));
    assertEquals("Pump station: Design", design.values().get(design.names().indexOf("Description")));
    assertEquals("12.5", design.values().get(design.names().indexOf("PlanningQty")));
  }

  @Test
  void aFieldTheElementLacksIsNotSent() throws IOException {
    Template template = TemplateReader.read(readyMade("customer-import"), fields);
    ImportItem job = ElementMapper.items(template, 0, json("{\"CustomerNumber\": 42, \"Name\": \"ACME\"}"), SANDBOX)
        .get(0);
    assertEquals("CUST-42", job.values().get(job.names().indexOf("JobNo")));
    assertEquals(-1, job.names().indexOf("CustomerPhone"));
  }

  @Test
  void aNumberTakenOverIsStoredAsSentAndOnlyAComputedOneIsADouble() {
    Template template = TemplateReader.read("""
        {"name": "exact-numbers", "direction": "in", "records": [
          {"record": "task", "each": "Lines", "defaults": {"SourceApp": "ERP", "SourceType": "SO"},
           "fields": {"JobNo": {"expression": "$element.Order"}, "TaskNo": "Line", "PlanningQty": "Qty",
                      "ShortDescription": {"expression": "$string(Qty * 2)"},
                      "Description": {"expression": "$element.Total"}}}]}
        """, fields);
    List<ImportItem> tasks = ElementMapper.items(template, 0, json("""
        {"Order": 12345678901234567890, "Total": 0.10000000000000000001,
         "Lines": [{"Line": 1, "Qty": 12345678901234567.891}, {"Line": 2, "Qty": 2.50}]}
        """), SANDBOX);
    ImportItem first = tasks.get(0);
    assertEquals("12345678901234567890", first.values().get(first.names().indexOf("JobNo")), "beyond a long");
    assertEquals("12345678901234567.891", first.values().get(first.names().indexOf("PlanningQty")),
        "more digits than a double holds, by name from a part");
    assertEquals("0.10000000000000000001", first.values().get(first.names().indexOf("Description")),
        "selected by an expression");
    ImportItem second = tasks.get(1);
    assertEquals("2.50", second.values().get(second.names().indexOf("PlanningQty")), "as sent, its zero too");
    assertEquals("5", second.values().get(second.names().indexOf("ShortDescription")), "computed");
  }

  @Test
  void anAppointmentIsExportedInTheTargetsFieldNames() throws IOException {
    Template template = TemplateReader.read(readyMade("appointment-export"), fields);
    JsonObject exported = ExportMapper.map(template, json("""
        {"appointmentGuid": "5b1c", "jobNo": "P-100", "taskNo": "10", "start": "2027-03-01T08:00:00Z",
         "end": "2027-03-01T12:00:00Z", "subject": "Design", "resources": [{"resourceNo": "R1"}, {"resourceNo": "R2"}],
         "latestTransaction": {"status": "Success"}}
        """), SANDBOX);
    assertEquals("5b1c", exported.getString("Id"));
    assertEquals("P-100/10", exported.getString("Order"));
    assertEquals(List.of("R1", "R2"), exported.getJsonArray("Resources").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals("Success", exported.getString("Status"));
  }

  private static TemplateViolation onlyViolation(String document) {
    TemplateInvalid invalid = assertThrows(TemplateInvalid.class, () -> TemplateReader.read(document, fields));
    assertEquals(1, invalid.violations().size(), invalid.getMessage());
    return invalid.violations().get(0);
  }

  @Test
  void namesTheLineAndFieldOfEachMistake() {
    String head = "{\n  \"name\": \"orders\",\n  \"direction\": \"in\",\n  \"records\": [\n    {\n";
    TemplateViolation record = onlyViolation(head + "      \"record\": \"jobb\",\n      \"fields\": {\"JobNo\": \"No\"}\n    }\n  ]\n}");
    assertEquals(6, record.line());
    assertEquals("records[0].record", record.field());
    assertTrue(record.problem().contains("unknown record 'jobb'"), record.problem());

    TemplateViolation field = onlyViolation(head + "      \"record\": \"job\",\n      \"fields\": {\n"
        + "        \"JobNo\": \"No\",\n        \"JobNumber\": \"No\"\n      }\n    }\n  ]\n}");
    assertEquals(9, field.line());
    assertEquals("records[0].fields.JobNumber", field.field());
    assertTrue(field.problem().contains("not a field of job"), field.problem());

    TemplateViolation expression = onlyViolation(head + "      \"record\": \"job\",\n      \"fields\": {\n"
        + "        \"JobNo\": {\"expression\": \"No &\"}\n      }\n    }\n  ]\n}");
    assertEquals(8, expression.line());
    assertEquals("records[0].fields.JobNo.expression", expression.field());
    assertTrue(expression.problem().startsWith("does not compile: "), expression.problem());
  }

  @Test
  void refusesAMissingNameAWrongDirectionAndATooLargeTemplate() {
    TemplateViolation name = onlyViolation("{\"direction\": \"out\", \"source\": \"jobs\", \"fields\": {\"No\": \"jobNo\"}}");
    assertEquals("name", name.field());
    assertEquals("is missing", name.problem());

    TemplateViolation direction = onlyViolation("{\"name\": \"x\",\n\"direction\": \"sideways\"}");
    assertEquals(2, direction.line());
    assertEquals("direction", direction.field());

    TemplateViolation large = onlyViolation("{\"name\": \"" + "x".repeat(TemplateReader.MAX_CHARS) + "\"}");
    assertTrue(large.problem().contains("at most " + TemplateReader.MAX_CHARS), large.problem());
  }
}
