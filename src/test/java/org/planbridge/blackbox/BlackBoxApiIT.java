package org.planbridge.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.Calls.body;
import static org.planbridge.testing.Calls.call;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.ServerUnderTest;

/** Imports, reads, typed routes, bad input and API keys: the same answers on every server. */
class BlackBoxApiIT {

  ApiClient api;
  String app;

  @BeforeEach
  void start() {
    api = ServerUnderTest.api();
    app = "X" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @Test
  void importedRecordsReadBackAsSentWithIsoTimestamps() {
    Answer imported = api.send("POST", "api/import", body(
        call("mboc_upsertJob", "SourceApp", app, "SourceType", "SO", "JobNo", "J-1", "ShortDescription", "Boiler"),
        call("mboc_upsertTask", "SourceApp", app, "SourceType", "SO", "JobNo", "J-1", "TaskNo", "T-1",
            "ShortDescription", "Service visit"),
        call("mboc_upsertResource", "SourceApp", app, "SourceType", "SO", "ResourceNo", "R-" + app,
            "ResourceName", "Ann")));
    assertOk(imported);
    JsonObject job = only("api/jobs?sourceApp=" + app);
    assertEquals("J-1", job.getString("jobNo"), on());
    assertEquals("Boiler", job.getString("shortDescription"), on());
    // JSON-B on every server: an ISO-8601 instant, never epoch seconds (RESTEasy's Jackson would write those).
    Instant.parse(job.getString("createdAt"));
    JsonObject task = only("api/tasks?sourceApp=" + app + "&jobNo=J-1");
    assertEquals("Service visit", task.getString("shortDescription"), on());
    assertEquals(1, ((JsonObject) api.get("api/resources?sourceApp=" + app).json()).getInt("total"), on());
  }

  @Test
  void typedRoutesCreateUpdateAndDeleteWithAJsonBodyAsTheSdksSendThem() {
    String job = "{\"SourceApp\": \"" + app + "\", \"SourceType\": \"SO\", \"JobNo\": \"J-2\", \"ShortDescription\": ";
    assertOk(api.send("POST", "api/job", job + "\"First\"}"));
    assertOk(api.send("PUT", "api/job", job + "\"Second\"}"));
    assertEquals("Second", only("api/jobs?sourceApp=" + app).getString("shortDescription"), on());
    assertOk(api.send("DELETE", "api/job", "{\"SourceApp\": \"" + app + "\", \"SourceType\": \"SO\", \"JobNo\": \"J-2\"}"));
    assertEquals(0, ((JsonObject) api.get("api/jobs?sourceApp=" + app).json()).getInt("total"), on());
  }

  @Test
  void badInputIsRefusedInTheRoutesOwnShapeNamingTheFieldAndWritesNothing() {
    Answer refused = api.send("POST", "api/import", body(
        call("mboc_upsertJob", "SourceApp", app, "SourceType", "SO", "JobNo", "J-3", "ShortDescription", "ok"),
        call("mboc_upsertAppointment", "SourceApp", app, "SourceType", "SO", "JobNo", "J-3", "TaskNo", "T-1",
            "Start", "not a date", "End", "2024-05-01T09:00:00Z", "ResourceNo", "R-1")));
    assertEquals(200, refused.status(), on());
    assertEquals(400, refused.statusCode(), refused.body());
    assertFalse(refused.content().getBoolean("Success"), refused.body());
    assertTrue(refused.content().getString("Description").contains("Start"), refused.body());
    assertEquals(0, ((JsonObject) api.get("api/jobs?sourceApp=" + app).json()).getInt("total"), "nothing written");

    Answer malformed = api.send("POST", "api/import", "[{\"StoredProcedureName\": ");
    assertEquals(400, malformed.statusCode(), malformed.body());
  }

  @Test
  void whatNoRouteAnswersIsInTheApisShapeNeverTheServersPage() {
    Answer noRoute = api.get("api/nosuch");
    assertEquals(404, noRoute.status(), noRoute.body() + " " + on());
    assertTrue(noRoute.contentType().startsWith("application/problem+json"), noRoute.contentType() + " " + on());
    assertEquals(404, ((JsonObject) noRoute.json()).getInt("status"), noRoute.body());

    Answer noMethod = api.send("PATCH", "api/job", "[]");
    assertEquals(405, noMethod.statusCode(), noMethod.body() + " " + on());
    assertTrue(noMethod.content().getString("Description").contains("PATCH"), noMethod.body());
    for (Answer answer : List.of(noRoute, noMethod)) {
      assertFalse(answer.body().contains("<html"), answer.body());
    }
  }

  @Test
  void aBodyAboveTheImportLimitIs413InTheEnvelopeBeforeTheServersOwnLimit() {
    int limit = Integer.parseInt(System.getenv().getOrDefault("PLANBRIDGE_IMPORT_MAX_BODY_BYTES", "33554432"));
    byte[] big = new byte[limit + 1024];
    Arrays.fill(big, (byte) ' ');
    big[0] = '[';
    big[big.length - 1] = ']';
    Answer answer = api.send("POST", "api/import", big, ApiClient.KEY, Duration.ofSeconds(60));
    assertEquals(413, answer.status(), answer.body() + " " + on());
    assertEquals(413, answer.statusCode(), answer.body());
  }

  @Test
  void apiKeysAndTheirScopesAreTheSameOnEveryServer() {
    Answer none = api.send("GET", "api/jobs", (String) null, null);
    assertEquals(401, none.status(), on());
    assertTrue(none.contentType().startsWith("application/problem+json"), none.contentType());
    assertEquals(401, api.send("GET", "api/jobs", (String) null, "wrong-key-0123456789").status(), on());

    Answer created = api.send("POST", "api/admin/keys", "{\"name\": \"blackbox " + app + "\", \"scopes\": [\"ingest\"]}");
    assertEquals(201, created.status(), created.body());
    String ingestOnly = ((JsonObject) created.json()).getString("key");
    assertEquals(200, api.send("GET", "api/jobs", (String) null, ingestOnly).status(), on());
    Answer admin = api.send("GET", "api/admin/connectors", (String) null, ingestOnly);
    assertEquals(403, admin.status(), admin.body() + " " + on());
    assertTrue(admin.contentType().startsWith("application/problem+json"), admin.contentType());
    assertEquals(204, api.send("DELETE", "api/admin/keys/" + ((JsonObject) created.json()).getJsonNumber("id"),
        (String) null).status(), on());
    assertEquals(401, api.send("GET", "api/jobs", (String) null, ingestOnly).status(), "a revoked key " + on());
  }

  @Test
  void theOpenApiDocumentDescribesTheRoutes() {
    Answer openapi = api.send("GET", "openapi", (String) null, null);
    assertEquals(200, openapi.status(), on());
    for (String route : List.of("/api/import", "/api/jobs", "/api/metrics", "/api/admin/connectors")) {
      // a key under paths (YAML, or JSON, pretty or not, as each server answers the client's Accept), not the
      // route named in some description
      assertTrue(Pattern.compile("(?m)(^\\s*|[{,]\\s*)\"?" + Pattern.quote(route) + "\"?\\s*:").matcher(openapi.body())
          .find(),
          route + " " + on());
    }
  }

  JsonObject only(String path) {
    Answer answer = api.get(path);
    assertEquals(200, answer.status(), answer.body());
    JsonObject page = (JsonObject) answer.json();
    assertEquals(1, page.getInt("total"), answer.body());
    return page.getJsonArray("items").getJsonObject(0);
  }

  static void assertOk(Answer answer) {
    assertEquals(200, answer.status(), answer.body() + " " + on());
    assertEquals(200, answer.statusCode(), answer.body() + " " + on());
  }

  static String on() {
    return "(on " + ServerUnderTest.description() + ")";
  }
}
