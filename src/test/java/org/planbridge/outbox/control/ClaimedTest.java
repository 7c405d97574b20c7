package org.planbridge.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ClaimedTest {

  @Test
  void theBodyCarriesTheTransactionIdAsItsIdempotencyKey() {
    Claimed claimed = new Claimed(42, 7, "BC", "{\"action\":\"U\",\"sequence\":3,\"appointment\":{\"subject\":\"x\"}}", 0);
    JsonObject body = Json.createReader(new StringReader(claimed.body())).readObject();
    assertEquals(42, body.getInt("transactionId"));
    assertEquals("U", body.getString("action"));
    assertEquals("x", body.getJsonObject("appointment").getString("subject"));
  }
}
