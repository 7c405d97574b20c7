package org.planbridge.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.Calls.body;
import static org.planbridge.testing.Calls.call;
import static org.planbridge.testing.Calls.job;
import static org.planbridge.testing.Calls.resource;
import static org.planbridge.testing.Calls.task;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.SuiteServer;
import org.planbridge.testing.TestDatabase;
import org.planbridge.testing.WireCase;
import org.planbridge.testing.WireRunner;

/**
 * The SDKs' records beyond jobs, tasks and appointments, each sent as the SDKs send it (the JS SDK's camelCase
 * arrays, the .NET SDK's PascalCase single objects with explicit nulls, either's import parameters and value
 * formats; see docs/dime-sdk-reference.md) and read back as the SDKs' getAll() reads it; and every route and
 * procedure of the SDKs as the SDKs send them ({@link WireRunner}, sdk-wire/cases.json; {@code SdkWireCasesTest}
 * fails when one has no case).
 */
class SdkRecordsIT {

  final URL base = SuiteServer.base();

  ApiClient api;

  @BeforeEach
  void aJobATaskAndAResource() {
    api = new ApiClient(base);
    TestDatabase.clearPlanning();
    ok("POST", "api/import", body(job("J1", "Service"), task("J1", "T1", "Visit"), resource("R1", "Anna")));
  }

  @Test
  void everySdkCallIsAnsweredAsTheSdkReadsItAndStoresWhatItSent() {
    List<WireCase> cases = WireCase.load();
    List<String> failures = WireRunner.failures(api, cases);
    assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " cases failed:\n"
        + String.join("\n", failures));
  }

  @Test
  void captionsAreKeyedByContextTableFieldAndLanguage() {
    ok("POST", "api/caption", "[{\"context\":6,\"sourceTable\":\"Job\",\"fieldName\":\"Category\",\"language\":\"de\","
        + "\"text\":\"Kategorie\"}]");
    ok("POST", "api/import", body(call("mboc_upsertCaption", "Context", "6", "SourceTable", "Job", "FieldName",
        "Category", "Language", "de", "Caption", "Art")));
    JsonObject caption = only("api/caption");
    assertEquals(List.of(6, "Job", "Category", "de", "Art"), List.of(caption.getInt("context"),
        caption.getString("sourceTable"), caption.getString("fieldName"), caption.getString("language"),
        caption.getString("text")));
    refused("POST", "api/caption", "{\"Context\":6,\"SourceTable\":\"Job\",\"FieldName\":\"Category\",\"Language\":null,"
        + "\"Text\":\"x\"}", "Language");
    // The .NET SDK deletes with all five parameters.
    ok("POST", "api/import", body(call("mboc_deleteCaption", "Context", "6", "SourceTable", "Job", "FieldName",
        "Category", "Language", "de", "Caption", "Art")));
    assertEquals(0, list("api/caption").size());
  }

  @Test
  void containersOfTasksAndAppointments() {
    ok("POST", "api/container", "{\"Name\":\"Truck 1\",\"HandleDate\":null,\"HandleLocked\":true}");
    assertEquals(true, only("api/container").getBoolean("handleLocked"));
    // The .NET SDK writes /taskContainer with a leading slash: from the server's root, outside /api.
    ok("POST", "taskContainer", "{\"SourceApp\":\"BC\",\"SourceType\":\"SO\",\"JobNo\":\"J1\",\"TaskNo\":\"T1\","
        + "\"Name\":\"Truck 1\",\"Index\":2}");
    JsonObject taskContainer = only("api/taskContainer");
    assertEquals(List.of("Truck 1", 2), List.of(taskContainer.getString("name"), taskContainer.getInt("index")));
    refused("POST", "api/taskContainer", "[{\"sourceApp\":\"BC\",\"sourceType\":\"SO\",\"jobNo\":\"J1\",\"taskNo\":\"T9\","
        + "\"name\":\"Truck 1\"}]", "task (sourceApp=BC, sourceType=SO, jobNo=J1, taskNo=T9) does not exist");

    String guid = appointment();
    Answer added = ok("POST", "api/appointmentContainer", "{\"Container\":\"Truck 1\",\"AppointmentNo\":null,"
        + "\"Appointment\":\"" + guid + "\"}");
    assertTrue(added.content().containsKey("Appointments"), "the .NET SDK reads Appointments: " + added.body());
    assertEquals(guid, only("api/appointmentContainer").getString("appointment"));
    refused("POST", "api/appointmentContainer", "{\"Container\":\"Truck 1\",\"Appointment\":\""
        + new UUID(0, 0) + "\"}", "appointment (Appointment=00000000-0000-0000-0000-000000000000) does not exist");

    ok("DELETE", "api/taskContainer", "[{\"sourceApp\":\"BC\",\"sourceType\":\"SO\",\"jobNo\":\"J1\",\"taskNo\":\"T1\","
        + "\"name\":\"Truck 1\"}]");
    ok("POST", "api/import", body(call("mboc_deleteAppointmentContainer", "Container", "Truck 1", "Appointment", guid),
        call("mboc_deleteContainer", "Name", "Truck 1")));
    assertEquals(List.of(0, 0, 0), List.of(list("api/taskContainer").size(), list("api/appointmentContainer").size(),
        list("api/container").size()));
  }

  @Test
  void notificationsAreAddedAndDeletedByWhatTheyAreAbout() {
    // Exactly what the JS SDK sends (captured from its client): a null AppointmentId, the connector as mboc_id.
    ok("POST", "api/import", body(call("mboc_upsertNotification", "NotificationText", "t", "NotificationDate",
        "2024-01-02T00:00:00.000Z", "AppointmentId", null, "NotificationType", "1", "mboc_id", "c1")));
    ok("POST", "api/notification", "{\"SourceApp\":\"BC\",\"SourceType\":\"SO\",\"AppointmentId\":null,"
        + "\"AppointmentNo\":null,\"ConnectorId\":null,\"Type\":2,\"Code\":\"E1\",\"Text\":\"Parts missing\","
        + "\"Date\":\"2024-05-01T08:00:00+02:00\",\"JobNo\":\"J1\",\"TaskNo\":\"T1\",\"AppointmentGuid\":null,"
        + "\"SentFromBackOffice\":true}");
    JsonObject missing = only("api/notification?jobNo=J1");
    assertEquals(List.of(2, "E1", "Parts missing", "2024-05-01T06:00:00Z"), List.of(missing.getInt("type"),
        missing.getString("code"), missing.getString("text"), missing.getString("date")));
    assertEquals("c1", list("api/notification").getJsonObject(0).getString("connectorId"));
    refused("POST", "api/notification", "[{\"text\":\"x\",\"type\":3}]", "parameter type: '3' is not one of");
    refused("POST", "api/import", body(call("mboc_deleteNotification", "NotificationText", "t")),
        "names nothing to delete");
    // The .NET SDK's delete: the keys it has, SentFromBackOffice among them; the other notification stays.
    ok("POST", "api/import", body(call("mboc_deleteNotification", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J1",
        "TaskNo", "T1", "SentFromBackOffice", "True")));
    assertEquals(List.of("c1"), list("api/notification").getValuesAs(JsonObject.class).stream()
        .map(row -> row.getString("connectorId")).toList());
  }

  @Test
  void messagesArriveEvenThroughTheJsSdksDoubledSlash() {
    ok("POST", "api//message", "{\"Text\":\"hi\",\"Severity\":3}");
    ok("POST", "api/message", "{\"Text\":\"Truck late\",\"User\":\"planner1\",\"Severity\":4}");
    JsonArray messages = list("api/message");
    assertEquals(List.of("hi", "Truck late"), messages.getValuesAs(JsonObject.class).stream()
        .map(row -> row.getString("text")).toList());
    assertTrue(!messages.getJsonObject(0).containsKey("user"), "no user, no field: " + messages);
    assertEquals(List.of("planner1", 4), List.of(messages.getJsonObject(1).getString("user"),
        messages.getJsonObject(1).getInt("severity")));
    refused("POST", "api/message", "{\"Text\":\"x\",\"Severity\":9}", "Severity");
    refused("POST", "api/message", "{\"Severity\":1}", "Text");
    Answer put = api.send("PUT", "api/message", "{\"Text\":\"x\"}");
    assertEquals(405, put.statusCode(), put.body());
  }

  @Test
  void aResourcesCalendarsCapacityPositionCertificatesAndUris() {
    ok("POST", "api/resourcecalendar", "[{\"code\":\"RC1\",\"resourceNo\":\"R1\",\"calendarCode\":\"Standard\","
        + "\"startDate\":\"2024-01-01T00:00:00.000Z\",\"endDate\":\"2024-12-31T00:00:00.000Z\"}]");
    ok("POST", "api/import", body(call("mboc_upsertResourceCalendar", "ResourceCalendarCode", "RC2", "ResourceNo", "R1",
        "CalendarCode", "Night", "StartDate", "2025-01-01 00:00:00Z", "EndDate", "2025-12-31 00:00:00Z")));
    assertEquals(List.of("RC1", "RC2"), strings(list("api/resourceCalendar"), "code"));
    assertEquals(List.of("Night", "Standard"), strings(list("api/calendar"), "code").stream().sorted().toList());

    ok("POST", "api/resourceCapacity", "{\"ResourceNo\":\"R1\",\"Date\":\"2024-05-01T00:00:00Z\","
        + "\"CapacityInSeconds\":28800,\"Quantity\":8,\"UnitOfMeasure\":\"HOUR\",\"UnitOfMeasureConversion\":1}");
    JsonObject capacity = only("api/resourceCapacity");
    assertEquals(List.of(28800, "HOUR"), List.of(capacity.getInt("capacityInSeconds"), capacity.getString("unitOfMeasure")));
    assertEquals(0, capacity.getJsonNumber("quantity").bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(8)));
    // The .NET SDK deletes capacity with every parameter, the date among them.
    ok("POST", "api/import", body(call("mboc_deleteResourceCapacity", "ResourceNo", "R1", "CapacityDate",
        "2024-05-01 00:00:00Z", "CapacityInSeconds", "28800", "CapacityQty", "8", "CapacityUOM", "HOUR",
        "CapacityUOMConversion", "1")));
    assertEquals(0, list("api/resourceCapacity").size());

    ok("POST", "api/resourceGpsTracking", "[{\"resourceNo\":\"R1\",\"latitude\":1.5,\"longitude\":2.5,\"speed\":3}]");
    ok("PUT", "api/resourceGpsTracking", "[{\"resourceNo\":\"R1\",\"latitude\":51.05,\"longitude\":3.72}]");
    JsonObject position = only("api/resourceGpsTracking");
    assertEquals("51.05", position.getJsonNumber("latitude").bigDecimalValue().toPlainString(), "the last report");
    refused("POST", "api/resourceGpsTracking", "[{\"resourceNo\":\"R1\",\"latitude\":91,\"longitude\":0}]",
        "parameter latitude: must be from -90 to 90, not 91");

    ok("POST", "api/import", body(call("mboc_upsertResourceCertificate", "ResourceNo", "R1", "CertificateNo", "VCA",
        "Score", "A", "LastScoreDate", "2024-01-01 00:00:00Z", "ValidUntil", "2027-01-01 00:00:00Z")));
    assertEquals("VCA", only("api/resourceCertificate").getString("no"));

    ok("POST", "api/resourceuri", "[{\"resourceNo\":\"R1\",\"uri\":\"https://hr.example/R1\",\"description\":\"HR\"}]");
    ok("POST", "api/import", body(call("mboc_upsertResourceUrl", "ResourceNo", "R1", "Url", "https://map.example/R1",
        "UrlDesc", "Map")));
    assertEquals(List.of("https://hr.example/R1", "https://map.example/R1"), strings(list("api/resourceUri"), "uri"));
    ok("DELETE", "api/resourceuri", "[{\"resourceNo\":\"R1\",\"uri\":\"https://hr.example/R1\"}]");
    assertEquals(List.of("Map"), strings(list("api/resourceUri"), "description"));

    ok("POST", "api/import", body(call("mboc_upsertResource", "ResourceNo", "R2", "ResourceType", "Technician",
        "ResourceTypeId", "3")));
    JsonObject type = only("api/resourceType");
    assertEquals(List.of(3, "Technician"), List.of(type.getInt("id"), type.getString("name")));
    refused("POST", "api/resourceCalendar", "[{\"code\":\"RC9\",\"resourceNo\":\"R9\",\"calendarCode\":\"X\","
        + "\"startDate\":\"2024-01-01T00:00:00Z\",\"endDate\":\"2024-02-01T00:00:00Z\"}]", "resource (resourceNo=R9) does not exist");
  }

  @Test
  void aTasksUrisTimeMarkerAndCategory() {
    // The task URL parameters are lower case in both SDKs.
    ok("POST", "api/import", body(call("mboc_upsertTaskUrl", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J1",
        "TaskNo", "T1", "url", "https://erp.example/T1", "urldesc", "Order")));
    JsonObject uri = only("api/taskUri");
    assertEquals(List.of("https://erp.example/T1", "Order"), List.of(uri.getString("uri"), uri.getString("description")));
    ok("DELETE", "api/taskUri", "{\"SourceApp\":\"BC\",\"SourceType\":\"SO\",\"JobNo\":\"J1\",\"TaskNo\":\"T1\","
        + "\"Uri\":\"https://erp.example/T1\",\"Description\":null}");
    assertEquals(0, list("api/taskUri").size());

    ok("POST", "api/taskTimeMarker", "{\"SourceApp\":\"BC\",\"SourceType\":\"SO\",\"JobNo\":\"J1\",\"TaskNo\":\"T1\","
        + "\"TimeMarker\":\"Late\"}");
    ok("POST", "api/taskCategory", "{\"SourceApp\":\"BC\",\"SourceType\":\"SO\",\"JobNo\":\"J1\",\"TaskNo\":\"T1\","
        + "\"Category\":\"Urgent\"}");
    JsonObject task = only("api/task");
    assertEquals(List.of("Late", "Urgent", "Visit"), List.of(task.getString("timeMarker"), task.getString("category"),
        task.getString("shortDescription")));
    refused("POST", "api/taskCategory", "{\"SourceApp\":\"BC\",\"SourceType\":\"SO\",\"JobNo\":\"J1\",\"TaskNo\":\"T1\","
        + "\"ShortDescription\":\"x\"}", "is not a parameter of mboc_updateTaskCategory");
  }

  @Test
  void anAppointmentsUrisByIdOrGuidAndItsAttributesCleared() {
    String guid = appointment();
    long id = ((Number) TestDatabase.rows("SELECT appointment_id FROM appointment WHERE appointment_guid = ?",
        UUID.fromString(guid)).get(0).get("appointment_id")).longValue();
    // The .NET SDK's import: every parameter with a p; the id always sent, the guid when known.
    ok("POST", "api/import", body(call("mboc_upsertAppointmentUrl", "pSourceApp", "BC", "pSourceType", "SO",
        "pAppointmentId", String.valueOf(id), "pUrl", "https://erp.example/A", "pUrlDesc", "Order")));
    // The JS SDK's typed route: appointmentId 0 (its default) and the guid.
    Answer typed = ok("POST", "api/appointmentUri", "[{\"sourceApp\":\"BC\",\"sourceType\":\"SO\",\"appointmentId\":0,"
        + "\"appointmentGuid\":\"" + guid + "\",\"uri\":\"https://map.example/A\",\"description\":\"Map\"}]");
    assertEquals(id, typed.content().getJsonArray("Appointments").getJsonObject(0).getJsonNumber("Id").longValue());
    assertEquals(List.of("https://erp.example/A", "https://map.example/A"), strings(list("api/appointmentUri"), "uri"));
    assertEquals(List.of(guid, guid), strings(list("api/appointmentUri"), "appointmentGuid"));
    refused("POST", "api/import", body(call("mboc_upsertAppointmentUrl", "pAppointmentId", "999999", "pUrl", "x",
        "pUrlDesc", "y")), "appointment 999999 does not exist");
    refused("POST", "api/appointmentUri", "{\"AppointmentId\":0,\"AppointmentGuid\":null,\"Uri\":\"x\"}",
        "name the appointment with AppointmentId or AppointmentGuid");
    ok("DELETE", "api/appointmentUri", "{\"SourceApp\":\"BC\",\"SourceType\":\"SO\",\"AppointmentNo\":null,"
        + "\"AppointmentId\":" + id + ",\"AppointmentGuid\":null,\"Uri\":\"https://erp.example/A\",\"Description\":null}");
    assertEquals(List.of("Map"), strings(list("api/appointmentUri"), "description"));

    ok("POST", "api/import", body(call("mboc_updateAppointmentTimeMarker", "SourceApp", "BC", "SourceType", "SO",
        "AppointmentId", String.valueOf(id), "TimeMarker", "Late"), call("mboc_updateAppointmentImportance",
        "AppointmentId", String.valueOf(id), "Importance", "1")));
    assertEquals(List.of("Late", 1), List.of(only("api/appointment").getString("timeMarker"),
        only("api/appointment").getInt("importance")));
    // The JS SDK clears a time marker through its route; the .NET SDK names a delete of each attribute.
    ok("DELETE", "api/appointmentTimeMarker", "[{\"sourceApp\":\"BC\",\"sourceType\":\"SO\",\"appointmentId\":0,"
        + "\"appointmentGuid\":\"" + guid + "\",\"timeMarker\":\"Late\"}]");
    ok("POST", "api/import", body(call("mboc_deleteAppointmentImportance", "AppointmentGuid", guid)));
    JsonObject cleared = only("api/appointment");
    assertEquals(List.of(false, 0), List.of(cleared.containsKey("timeMarker"), cleared.getInt("importance")));
  }

  @Test
  void anAppointmentsFieldValuesReachTheBackOfficeWithIt() {
    String guid = appointment();
    long id = ((Number) TestDatabase.rows("SELECT appointment_id FROM appointment WHERE appointment_guid = ?",
        UUID.fromString(guid)).get(0).get("appointment_id")).longValue();
    long before = TestDatabase.count("appointment_transaction", "appointment_guid = ?", UUID.fromString(guid));
    // The .NET SDK's typed route: one PascalCase object, explicit nulls, SentFromBackOffice true by default.
    ok("POST", "api/appointmentFieldValue", "{\"SourceApp\":\"BC\",\"SourceType\":\"SO\",\"AppointmentNo\":null,"
        + "\"AppointmentGuid\":\"" + guid + "\",\"AppointmentId\":null,\"FieldCode\":\"REMARK\","
        + "\"FieldValue\":\"Ring twice\",\"SentFromBackOffice\":true}");
    // Its import: every parameter, the id where it knows it; a planner's change (SentFromBackOffice False).
    ok("POST", "api/import", body(call("mboc_updateAppointmentFieldValues", "SourceApp", "BC", "SourceType", "SO",
        "AppointmentGuid", null, "AppointmentId", String.valueOf(id), "FieldCode", "GATE", "FieldValue", "4711",
        "SentFromBackOffice", "False")));
    assertEquals(List.of("GATE", "REMARK"), strings(list("api/appointmentFieldValue"), "fieldCode").stream().sorted()
        .toList());

    List<java.util.Map<String, Object>> written = TestDatabase.rows("SELECT payload, sent_from_back_office FROM "
        + "appointment_transaction WHERE appointment_guid = ? ORDER BY id", UUID.fromString(guid));
    assertEquals(before + 2, written.size(), "each change of a field value is a change of the appointment");
    JsonObject last = jakarta.json.Json.createReader(new java.io.StringReader((String) written.get(written.size() - 1)
        .get("payload"))).readObject().getJsonObject("appointment");
    assertEquals("{\"GATE\":\"4711\",\"REMARK\":\"Ring twice\"}", last.getJsonObject("fieldValues").toString());
    assertEquals(List.of(true, false), written.subList(written.size() - 2, written.size()).stream()
        .map(row -> row.get("sent_from_back_office")).toList(), "from the back office only where it says so");

    refused("POST", "api/appointmentFieldValue", "{\"AppointmentGuid\":\"" + guid + "\",\"FieldValue\":\"x\"}",
        "FieldCode");
    refused("POST", "api/appointmentFieldValue", "[{\"appointmentGuid\":\"" + UUID.randomUUID() + "\","
        + "\"fieldCode\":\"X\",\"fieldValue\":\"y\"}]", "does not exist");
    ok("DELETE", "api/appointmentFieldValue", "{\"AppointmentGuid\":\"" + guid + "\",\"FieldCode\":\"GATE\"}");
    ok("DELETE", "api/appointmentFieldValue", "{\"AppointmentGuid\":\"" + guid + "\",\"FieldCode\":\"GATE\"}");
    assertEquals(before + 3, TestDatabase.count("appointment_transaction", "appointment_guid = ?",
        UUID.fromString(guid)), "a delete of what is not there changes nothing");
    assertEquals(List.of("REMARK"), strings(list("api/appointmentFieldValue"), "fieldCode"));
  }

  @Test
  void usersFromEitherSdkKeepOnlyTheirPasswordsHash() {
    String secret = "correct horse battery staple";
    // The JS SDK: PascalCase keys in an array.
    ok("POST", "api/user", "[{\"Name\":\"Anna\",\"Type\":1,\"Email\":\"anna@example.com\",\"Password\":\""
        + secret + "\",\"Language\":\"nl\",\"TimeZone\":\"Europe/Brussels\"}]");
    // The .NET SDK: its own route, relative to a base that ends in /api.
    ok("POST", "api/api/Administration/Users/Create", "{\"Name\":\"Ben\",\"Type\":2,\"Email\":\"ben@example.com\","
        + "\"Password\":null,\"Language\":\"en\",\"TimeZone\":\"W. Europe Standard Time\"}");
    ok("POST", "api/Administration/Users/Update", "{\"Name\":\"Anna Peeters\",\"Type\":1,"
        + "\"Email\":\"anna@example.com\",\"Password\":null,\"Language\":\"nl\",\"TimeZone\":null}");
    JsonArray users = list("api/user");
    assertEquals(List.of("Ben", "Anna Peeters"), strings(users, "name"), "in row-version order: the update last");
    assertEquals(List.of(1, "Europe/Brussels"), List.of(users.getJsonObject(1).getInt("type"),
        users.getJsonObject(1).getString("timeZone")), "a null leaves what was stored");
    String everything = api.get("api/users").body() + users;
    assertTrue(!everything.contains("password") && !everything.contains("Hash"), "no read answers a hash: " + everything);
    String hash = (String) TestDatabase.rows("SELECT password_hash FROM board_user WHERE email = ?", "anna@example.com")
        .get(0).get("password_hash");
    assertTrue(hash.startsWith("PBKDF2WithHmacSHA512:") && !hash.contains(secret), "only the hash is kept: " + hash);

    Answer tooLong = api.send("POST", "api/user", "[{\"Email\":\"c@example.com\",\"Password\":\"" + "s3cret".repeat(40)
        + "\"}]");
    assertEquals(400, tooLong.statusCode(), tooLong.body());
    assertTrue(tooLong.body().contains("Password") && !tooLong.body().contains("s3cret"), tooLong.body());
    refused("POST", "api/user", "[{\"Email\":\"c@example.com\",\"PasswordHash\":\"PBKDF2WithHmacSHA512:1:AA:AA\"}]",
        "PasswordHash");
    refused("POST", "api/user", "[{\"Name\":\"No email\"}]", "Email");
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 26; i++) {
      many.append(i == 0 ? "" : ",").append("{\"Email\":\"u").append(i).append("@example.com\",\"Password\":\"pw\"}");
    }
    refused("POST", "api/user", many.append(']').toString(), "a request sets at most 25");
    assertEquals(2, list("api/user").size(), "a refused request writes no user");
    Answer rename = api.send("POST", "api/Administration/Users/Rename", "{\"Email\":\"anna@example.com\"}");
    assertEquals(404, rename.statusCode(), rename.body());
    assertTrue(rename.content().getString("Description").contains("Create, Update and Delete"), rename.body());

    ok("POST", "api/Administration/Users/Delete", "{\"Name\":\"Ben\",\"Type\":2,\"Email\":\"ben@example.com\","
        + "\"Password\":null,\"Language\":\"en\",\"TimeZone\":null}");
    ok("DELETE", "api/user", "[{\"Email\":\"anna@example.com\"}]");
    assertEquals(0, list("api/user").size());
  }

  @Test
  void exchangeAppointmentsAsTheDotNetSdkImportsThem() {
    // Every parameter, always, on append and on delete; dates in "u" form, Categories joined with ';'.
    String[] exchange = {"AppointmentId", "0", "ExchangeId", "AAMkAD1", "ICalUId", "040000008200E0", "Start",
        "2024-05-01 08:00:00Z", "End", "2024-05-01 09:00:00Z", "Subject", "Site visit", "Body", "", "Importance", "1",
        "ResourceEmail", "anna@example.com", "ShowAs", "2", "Sensitivity", "1", "Categories", "Blue;Red",
        "CreatedByExchange", "True"};
    ok("POST", "api/import", body(call("mboc_upsertExchangeAppointment", exchange)));
    JsonObject stored = only("api/exchangeAppointment");
    assertEquals(List.of("AAMkAD1", "2024-05-01T08:00:00Z", "2024-05-01T09:00:00Z", 2, "Blue;Red", true),
        List.of(stored.getString("exchangeId"), stored.getString("start"), stored.getString("end"),
            stored.getInt("showAs"), stored.getString("categories"), stored.getBoolean("createdByExchange")));
    refused("POST", "api/import", body(call("mboc_upsertExchangeAppointment", "ExchangeId", "X", "ShowAs", "7")),
        "parameter ShowAs: '7' is not one of");
    ok("POST", "api/import", body(call("mboc_deleteExchangeAppointment", exchange)));
    assertEquals(0, list("api/exchangeAppointment").size());
  }

  @Test
  void anAppointmentNamedByAGuidThatDoesNotExistIsSaidToBeSo() {
    appointment();
    UUID unknown = UUID.randomUUID();
    // The SDKs send AppointmentId 0 when they know only the guid.
    refused("POST", "api/import", body(call("mboc_updateAppointmentCategory", "SourceApp", "BC", "SourceType", "SO",
        "AppointmentId", "0", "AppointmentGuid", unknown.toString(), "Category", "Urgent", "SentFromBackOffice", "True")),
        "appointment with guid " + unknown + " does not exist");
    refused("POST", "api/assignment", "[{\"sourceApp\":\"BC\",\"sourceType\":\"SO\",\"appointmentId\":0,"
        + "\"appointmentGuid\":\"" + unknown + "\",\"resourceNo\":\"R1\"}]", "appointment with guid " + unknown);
  }

  @Test
  void actionUrisAreRenderedWithTheRecordsData() {
    String guid = appointment();
    ok("POST", "api/actionuri", "[{\"SourceApp\":\"BC\",\"SourceType\":\"SO\",\"UriType\":1,"
        + "\"Uri\":\"https://erp.example/appointment?id=#APPOINTMENTID#&job=#JOBNO#&task=#TASKNO#&at=#START#"
        + "&who=#RESOURCE#&what=#SUBJECT#&x=#NOSUCH#\",\"Description\":\"Open\",\"Default\":true,\"RequestType\":1}]");
    ok("POST", "api/actionuri", "[{\"sourceApp\":\"BC\",\"sourceType\":\"SO\",\"uriType\":2,"
        + "\"uri\":\"https://erp.example/task/#JOBNO#/#TASKNO#?d=#SHORTDESCRIPTION#\",\"description\":\"Task\"}]");
    ok("POST", "api/import", body(call("mboc_updateAppointmentContent", "SourceApp", "BC", "SourceType", "SO",
        "AppointmentGuid", guid, "Subject", "Boiler & pump", "SentFromBackOffice", "True")));
    long id = ((Number) TestDatabase.rows("SELECT appointment_id FROM appointment WHERE appointment_guid = ?",
        UUID.fromString(guid)).get(0).get("appointment_id")).longValue();

    JsonArray rendered = api.get("api/actionUris/render?appointmentGuid=" + guid + "&urlType=1").json().asJsonArray();
    assertEquals(1, rendered.size(), rendered.toString());
    JsonObject open = rendered.getJsonObject(0);
    assertEquals("https://erp.example/appointment?id=" + id + "&job=J1&task=T1&at=2024-05-01T08%3A00%3A00Z&who=R1"
        + "&what=Boiler%20%26%20pump&x=#NOSUCH#", open.getString("uri"));
    assertEquals(List.of("#NOSUCH#"), strings(open.getJsonArray("unresolved")));
    assertEquals(List.of("Open", true), List.of(open.getString("description"), open.getBoolean("default")));

    JsonArray forTask = api.get("api/actionUris/render?sourceApp=BC&sourceType=SO&jobNo=J1&taskNo=T1").json()
        .asJsonArray();
    assertEquals(2, forTask.size(), "every action URI of the Source App and Source Type: " + forTask);
    assertEquals("https://erp.example/task/J1/T1?d=Visit", forTask.getJsonObject(1).getString("uri"));

    Answer unknown = api.get("api/actionUris/render?appointmentGuid=" + UUID.randomUUID());
    assertEquals(404, unknown.status(), unknown.body());
    Answer twice = api.get("api/actionUris/render?appointmentId=1&jobNo=J1");
    assertEquals(400, twice.status(), twice.body());
    assertTrue(twice.body().contains("Name one record"), twice.body());
    assertEquals(400, api.get("api/actionUris/render?sourceApp=BC").status(), "a task needs its whole key");
    assertEquals(400, api.get("api/actionUris/render?appointmentId=1&urlType=7").status());
  }

  private String appointment() {
    Answer created = ok("POST", "api/import", body(call("mboc_upsertAppointment", "SourceApp", "BC", "SourceType", "SO",
        "JobNo", "J1", "TaskNo", "T1", "Start", "2024-05-01T08:00:00.000Z", "End", "2024-05-01T10:00:00.000Z",
        "ResourceNo", "R1")));
    return created.content().getJsonArray("Appointments").getJsonObject(0).getString("Guid");
  }

  private Answer ok(String method, String path, String json) {
    Answer answer = api.send(method, path, json);
    assertEquals(200, answer.status(), method + " " + path + ": " + answer.body());
    assertEquals(200, answer.statusCode(), method + " " + path + ": " + answer.body());
    return answer;
  }

  private void refused(String method, String path, String json, String text) {
    Answer answer = api.send(method, path, json);
    assertEquals(400, answer.statusCode(), method + " " + path + ": " + answer.body());
    assertTrue(answer.content().getString("Description").contains(text), text + " not in " + answer.body());
  }

  private JsonArray list(String path) {
    Answer answer = api.get(path);
    assertEquals(200, answer.status(), path + ": " + answer.body());
    return answer.json().asJsonArray();
  }

  private JsonObject only(String path) {
    JsonArray rows = list(path);
    assertEquals(1, rows.size(), path + ": " + rows);
    return rows.getJsonObject(0);
  }

  private static List<String> strings(JsonArray values) {
    return values.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
  }

  private static List<String> strings(JsonArray rows, String field) {
    return rows.getValuesAs(JsonObject.class).stream().map(row -> row.getString(field)).toList();
  }
}
