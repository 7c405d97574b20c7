package org.planbridge.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.planbridge.blackbox.BlackBoxApiIT.on;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ServerUnderTest;

/** What an operator watches: readiness where each server serves MicroProfile Health. */
class BlackBoxOperationsIT {

  @Test
  void readinessIsUpWithTheDatabaseCheck() throws Exception {
    HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(ServerUnderTest.readiness())
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ready.statusCode(), ready.body() + " " + on());
    JsonObject health = Json.createReader(new StringReader(ready.body())).readObject();
    assertEquals("UP", health.getString("status"), ready.body());
    JsonObject database = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").equals("database")).findFirst().orElseThrow();
    assertEquals("UP", database.getString("status"), ready.body());
    // a boolean on WildFly, its text on Payara
    assertEquals("true", database.getJsonObject("data").get("schemaMigrated").toString().replace("\"", ""),
        ready.body());
    for (String name : List.of("drain", "connectors")) {
      JsonObject check = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
          .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow();
      assertEquals("UP", check.getString("status"), ready.body());
      assertFalse(check.containsKey("data") && check.getJsonObject("data").containsKey("error"), ready.body());
    }
  }
}
