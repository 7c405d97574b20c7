package org.planbridge.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.Calls.body;
import static org.planbridge.testing.Calls.resource;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.SuiteServer;
import org.planbridge.testing.TestDatabase;

/**
 * API keys over HTTP: what a key with some scopes may and may not do, in the shape each route answers
 * in; creating, listing and revoking keys; and what the database holds. Other tests share the
 * database, so this one counts and deletes only its own keys (named "ApiKeysIT ...") and resources.
 */
class ApiKeysIT {

  static final String KEYS = "api/admin/keys";
  static final String MINE = "name LIKE 'ApiKeysIT %'";


  final URL base = SuiteServer.base();

  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(base);
  }

  @AfterEach
  void removeWhatThisTestWrote() throws SQLException {
    try (Connection connection = TestDatabase.connect(); var statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM api_key WHERE " + MINE);
      statement.executeUpdate("DELETE FROM resource WHERE resource_no LIKE 'R-APIKEYS-%'");
    }
  }

  /** Creates a key with the configured key; answers the created JSON (with "key"). */
  JsonObject create(String name, String scopes, String sourceApps) {
    Answer created = api.send("POST", KEYS, "{\"name\": \"ApiKeysIT " + name + "\", \"scopes\": " + scopes
        + (sourceApps == null ? "" : ", \"sourceApps\": " + sourceApps) + "}");
    assertEquals(201, created.status(), created.body());
    return (JsonObject) created.json();
  }

  static void assertProblem(int status, Answer answer, String... detailContains) {
    org.planbridge.testing.Refusals.assertProblem(status, answer, detailContains);
  }

  static String sha256Hex(String key) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anIngestKeyImportsAndReadsButIsRefusedTheAdminApi() {
    JsonObject created = create("ingest only", "[\"ingest\"]", "[\"BC\"]");
    String key = created.getString("key");
    assertTrue(key.matches("pb_[A-Za-z0-9_-]{43}"), key);
    assertEquals(List.of("ingest"), created.getJsonArray("scopes").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals("BC", created.getJsonArray("sourceApps").getString(0));
    assertEquals(key.substring(0, 12), created.getString("keyPrefix"));
    assertTrue(created.isNull("revokedAt"));
    assertNotNull(created.getString("createdAt"));

    Answer imported = api.send("POST", "api/import", body(resource("R-APIKEYS-1", "Key test")), key);
    assertEquals(200, imported.status(), imported.body());
    assertEquals(200, imported.statusCode(), imported.body());
    assertEquals(1, TestDatabase.count("resource", "resource_no = ?", "R-APIKEYS-1"));

    Answer read = api.send("GET", "api/jobs", null, key);
    assertEquals(200, read.status(), read.body());

    Answer admin = api.send("GET", "api/admin/transactions", null, key);
    assertProblem(403, admin, "'admin'", "ApiKeysIT ingest only");
    assertFalse(admin.body().contains(key));
    assertProblem(403, api.send("GET", KEYS, null, key), "'admin'");
    assertProblem(403, api.send("POST", KEYS, "{\"name\": \"ApiKeysIT self-made\", \"scopes\": [\"admin\"]}", key),
        "'admin'");
    // The admin API cannot be reached around the rule with another spelling of its path.
    assertEquals(403, api.send("GET", "api/admin;x=1/keys", null, key).status());
    assertEquals(403, api.send("GET", "api//admin/keys", null, key).status());
    assertEquals(0, TestDatabase.count("api_key", "name = 'ApiKeysIT self-made'"));
  }

  @Test
  void anAdminKeyIsRefusedTheImportInTheEnvelopeAndTheReadsAsProblems() throws Exception {
    JsonObject created = create("admin only", "[\"admin\"]", null);
    String key = created.getString("key");
    assertTrue(created.isNull("sourceApps"));

    Answer imported = api.send("POST", "api/import", body(resource("R-APIKEYS-2", "Not written")), key);
    assertEquals(403, imported.status(), imported.body());
    assertEquals(403, imported.statusCode(), imported.body());
    assertFalse(imported.content().getBoolean("Success"));
    String description = imported.content().getString("Description");
    assertTrue(description.contains("'ingest'") && description.contains("ApiKeysIT admin only"), description);
    assertFalse(imported.body().contains(key));
    assertEquals(0, TestDatabase.count("resource", "resource_no = ?", "R-APIKEYS-2"));
    Answer typed = api.send("POST", "api/resource", "[{\"resourceNo\": \"R-APIKEYS-3\"}]", key);
    assertEquals(403, typed.status(), typed.body());
    assertEquals(403, typed.statusCode(), typed.body());

    assertProblem(403, api.send("GET", "api/jobs", null, key), "'ingest'");

    Answer list = api.send("GET", KEYS, null, key);
    assertEquals(200, list.status(), list.body());
    JsonObject page = (JsonObject) list.json();
    JsonObject mine = page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(item -> item.getJsonNumber("id").longValue() == created.getJsonNumber("id").longValue())
        .findFirst().orElseThrow(() -> new AssertionError(list.body()));
    assertEquals(page.getJsonArray("items").size(), page.getInt("total"));
    assertEquals("ApiKeysIT admin only", mine.getString("name"));
    assertFalse(mine.containsKey("key"));
    String hash = sha256Hex(key);
    assertEquals(hash, TestDatabase.rows("SELECT key_hash FROM api_key WHERE id = ?",
        created.getJsonNumber("id").longValue()).get(0).get("key_hash"), "the database holds the SHA-256 of the key");
    for (Answer answer : List.of(list, api.get(KEYS), api.get(KEYS + "/" + created.getJsonNumber("id")))) {
      assertEquals(200, answer.status(), answer.body());
      assertFalse(answer.body().contains(key), "the key is shown once, at its creation");
      assertFalse(answer.body().contains(key.substring(12)), "no part of the key beyond its prefix");
      assertFalse(answer.body().toLowerCase().contains(hash), "nor its hash");
    }
  }

  @Test
  void aCreatedKeyHasALocationAndIsStoredAsAsked() throws Exception {
    HttpResponse<String> created = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "").replaceAll("/planbridge$", "")
            + "/" + KEYS)).header("X-API-KEY", ApiClient.KEY).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"ApiKeysIT located\", \"scopes\": [\"metrics\","
                + " \"ingest\"], \"sourceApps\": [\"BC\", \"A,B\"]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());
    JsonObject json = Json.createReader(new StringReader(created.body())).readObject();
    long id = json.getJsonNumber("id").longValue();
    String location = created.headers().firstValue("Location").orElseThrow();
    assertTrue(location.endsWith("/api/admin/keys/" + id), location);
    Answer read = api.get(KEYS + "/" + id);
    assertEquals(200, read.status(), read.body());
    JsonObject again = (JsonObject) read.json();
    assertEquals("ApiKeysIT located", again.getString("name"));
    assertEquals(List.of("ingest", "metrics"), again.getJsonArray("scopes").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals(List.of("BC", "A,B"), again.getJsonArray("sourceApps").getValuesAs(jakarta.json.JsonString::getString));
    Map<String, Object> row = TestDatabase.rows("SELECT * FROM api_key WHERE id = ?", id).get(0);
    assertEquals("ingest,metrics", row.get("scopes"));
    assertEquals("[\"BC\",\"A,B\"]", row.get("source_apps"));
    assertEquals(sha256Hex(json.getString("key")), row.get("key_hash"));
  }

  @Test
  void aRevokedKeyIsRefusedAsRevokedAndStaysListed() {
    JsonObject created = create("revoked", "[\"ingest\", \"admin\"]", null);
    String key = created.getString("key");
    long id = created.getJsonNumber("id").longValue();
    assertEquals(200, api.send("GET", "api/jobs", null, key).status());

    assertEquals(204, api.send("DELETE", KEYS + "/" + id, null).status());
    Answer read = api.send("GET", "api/jobs", null, key);
    assertProblem(401, read, "revoked", "ApiKeysIT revoked");
    Answer imported = api.send("POST", "api/import", body(resource("R-APIKEYS-4", "Not written")), key);
    assertEquals(401, imported.status(), imported.body());
    assertEquals(401, imported.statusCode(), imported.body());
    assertTrue(imported.content().getString("Description").contains("revoked"), imported.body());
    assertProblem(401, api.send("GET", KEYS, null, key), "revoked");

    JsonObject listed = (JsonObject) api.get(KEYS + "/" + id).json();
    String revokedAt = listed.getString("revokedAt");
    assertNotNull(revokedAt);
    assertEquals(204, api.send("DELETE", KEYS + "/" + id, null).status(), "revoking again is no error");
    assertEquals(revokedAt, ((JsonObject) api.get(KEYS + "/" + id).json()).getString("revokedAt"), "the first time stays");
    JsonArray items = ((JsonObject) api.get(KEYS).json()).getJsonArray("items");
    assertTrue(items.getValuesAs(JsonObject.class).stream()
        .anyMatch(item -> item.getJsonNumber("id").longValue() == id && !item.isNull("revokedAt")));

    long unknown = id + 1_000_000;
    assertProblem(404, api.send("DELETE", KEYS + "/" + unknown, null), "no API key with id " + unknown);
    assertProblem(404, api.get(KEYS + "/" + unknown));
    assertProblem(404, api.get(KEYS + "/abc"));
    assertProblem(404, api.send("DELETE", KEYS + "/abc", null));
    assertProblem(404, api.get(KEYS + "/99999999999999999999"));
  }

  @Test
  void badRequestsNameTheFieldAndWriteNothing() {
    Map<String, String> refusals = new java.util.LinkedHashMap<>();
    refusals.put("{\"name\": \"ApiKeysIT x\", \"scopes\": [\"ingest\"], \"owner\": \"me\"}", "owner");
    refusals.put("{\"scopes\": [\"ingest\"]}", "name");
    refusals.put("{\"name\": \"  \", \"scopes\": [\"ingest\"]}", "name");
    refusals.put("{\"name\": \"ApiKeysIT " + "x".repeat(91) + "\", \"scopes\": [\"ingest\"]}", "name");
    refusals.put("{\"name\": \"ApiKeysIT x\"}", "scopes");
    refusals.put("{\"name\": \"ApiKeysIT x\", \"scopes\": []}", "scopes");
    refusals.put("{\"name\": \"ApiKeysIT x\", \"scopes\": \"ingest\"}", "scopes");
    refusals.put("{\"name\": \"ApiKeysIT x\", \"scopes\": [\"ingest\", \"root\"]}", "scopes[1]");
    refusals.put("{\"name\": \"ApiKeysIT x\", \"scopes\": [\"admin\", \"admin\"]}", "scopes[1]");
    refusals.put("{\"name\": \"ApiKeysIT x\", \"scopes\": [\"ingest\"], \"sourceApps\": \"BC\"}", "sourceApps");
    refusals.put("{\"name\": \"ApiKeysIT x\", \"scopes\": [\"ingest\"], \"sourceApps\": [\"BC\", \"\"]}", "sourceApps[1]");
    refusals.put("{\"name\": \"ApiKeysIT x\", \"scopes\": [\"ingest\"], \"sourceApps\": [7]}", "sourceApps[0]");
    refusals.put("{\"name\": \"ApiKeysIT x\", \"scopes\": [\"ingest\"], \"sourceApps\": [\"" + "B".repeat(31) + "\"]}",
        "sourceApps[0]");
    refusals.put("{\"name\": \"ApiKeysIT \\u0000\", \"scopes\": [\"ingest\"]}", "name");
    refusals.put("{\"name\": \"ApiKeysIT \\ud800\", \"scopes\": [\"ingest\"]}", "name");
    refusals.put("{\"name\": \"ApiKeysIT x\", \"scopes\": [\"ingest\"], \"sourceApps\": [\"\\udc00\"]}", "sourceApps[0]");
    long before = TestDatabase.count("api_key", "");
    refusals.forEach((request, field) -> {
      Answer refused = api.send("POST", KEYS, request);
      assertProblem(400, refused);
      JsonObject problem = (JsonObject) refused.json();
      assertTrue(problem.getString("detail").startsWith(field + ": "), request + " -> " + refused.body());
      assertEquals("Invalid field: " + field.replaceAll("\\[.*", ""), problem.getString("title"), refused.body());
    });
    Answer scope = api.send("POST", KEYS, "{\"name\": \"ApiKeysIT x\", \"scopes\": [\"ingest\", \"root\"]}");
    assertEquals("scopes[1]: 'root' is not a scope; scopes are ingest, admin, metrics",
        ((JsonObject) scope.json()).getString("detail"));
    assertProblem(400, api.send("POST", KEYS, "[]"));
    assertProblem(400, api.send("POST", KEYS, "{\"name\": "));
    assertProblem(400, api.send("POST", KEYS, null));
    assertEquals(before, TestDatabase.count("api_key", ""), "no refused request wrote a key");
  }

  @Test
  void theConfiguredKeyStillDoesEverything() {
    Answer imported = api.send("POST", "api/import", body(resource("R-APIKEYS-5", "Configured")));
    assertEquals(200, imported.statusCode(), imported.body());
    assertEquals(200, api.get("api/jobs").status());
    assertEquals(200, api.get("api/admin/transactions").status());
    assertEquals(200, api.get("api/admin/connectors").status());
    assertEquals(200, api.get(KEYS).status());
    assertEquals(401, api.send("GET", "api/jobs", null, "pb_not-a-key-0123456789").status());
  }
}
