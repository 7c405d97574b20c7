package org.planbridge.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {

  static InputStream body(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  static BadBody refusal(InputStream body) {
    // a body the parser's own skip would loop on forever must end, with an answer
    return assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertThrows(BadBody.class, () -> JsonBody.read(body, "a JSON object")));
  }

  static BadBody refusal(String json) {
    return refusal(body(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[{\"x\":[", "[{\"x\":{", "{\"a\":[1,2", "{\"a\":{\"b\":", "[", "{", "{\"a\"", "{\"a\":",
      "[{\"x\":[[[[", "\"unterminated", "[1,", "{\"a\":1,"})
  void aBodyThatEndsInsideAStructureIsRefusedAtOnce(String json) {
    BadBody refused = refusal(json);
    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().startsWith("Malformed JSON"), refused.getMessage());
    assertTrue(refused.getMessage().contains("ends before"), refused.getMessage());
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedSayingSo() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    BadBody refused = refusal(deep);
    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().contains("deeper than " + JsonBody.MAX_DEPTH), refused.getMessage());
    String atTheLimit = "[".repeat(JsonBody.MAX_DEPTH) + "]".repeat(JsonBody.MAX_DEPTH);
    assertEquals(JsonValue.ValueType.ARRAY, JsonBody.read(body(atTheLimit), "an array").getValueType());
  }

  @Test
  void aKeyTwiceInOneObjectIsRefusedNamingItInAnyCase() {
    assertTrue(refusal("{\"ids\": [1], \"ids\": [2]}").getMessage().contains("\"ids\" appears twice"));
    assertTrue(refusal("{\"a\": {\"Name\": 1, \"name\": 2}}").getMessage().contains("\"name\" appears twice"));
    JsonObject distinct = JsonBody.object(body("{\"a\": {\"name\": 1}, \"b\": {\"name\": 2}}"), "an object");
    assertEquals(2, distinct.size(), "the same key in two objects is fine");
  }

  @Test
  void invalidUtf8IsRefusedNotReplaced() {
    byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    BadBody refused = refusal(new ByteArrayInputStream(bytes));
    assertTrue(refused.getMessage().contains("not valid UTF-8"), refused.getMessage());
  }

  @Test
  void aByteOrderMarkIsSkippedAndUtf8TextKept() {
    byte[] json = "{\"a\":\"Zoë 😀\"}".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withBom, 3, json.length);
    assertEquals("Zoë 😀", JsonBody.object(new ByteArrayInputStream(withBom), "an object").getString("a"));
  }

  @Test
  void emptyTrailingAndWrongTopLevelBodiesAreRefused() {
    assertTrue(refusal("").getMessage().contains("empty"));
    assertTrue(refusal("{} {}").getMessage().startsWith("Malformed JSON"));
    assertTrue(assertThrows(BadBody.class, () -> JsonBody.object(body("[1]"), "one JSON object")).getMessage()
        .contains("must be one JSON object, not an array"));
  }

  @Test
  void numbersTooLongOrWithAnExponentOutOfRangeAreRefused() {
    assertTrue(refusal("{\"a\": 1" + "0".repeat(200) + "}").getMessage().contains("at most 100"));
    assertTrue(refusal("{\"a\": 1e99999999999}").getMessage().contains("out of range"));
    assertEquals("1E+2147483647", JsonBody.object(body("{\"a\": 1E+2147483647}"), "an object")
        .getJsonNumber("a").toString(), "a representable number is read; what it may be is the route's business");
  }

  @Test
  void aBodyPastItsLimitIs413AndOneTooSlowIs408() {
    String json = "{\"a\": \"" + "x".repeat(2000) + "\"}";
    assertEquals(413, refusal(new BodyLimit(body(json), 1000, "THE_SETTING", 0, 1)).status());
    InputStream trickle = new InputStream() {
      final InputStream text = body(json);

      @Override
      public int read() throws java.io.IOException {
        try {
          Thread.sleep(2); // a client sending a byte at a time
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return text.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
        int b = read();
        if (b < 0) {
          return -1;
        }
        buffer[offset] = (byte) b;
        return 1;
      }
    };
    BadBody slow = refusal(new BodyLimit(trickle, 1 << 20, null, 50, 100_000));
    assertEquals(408, slow.status());
    assertTrue(slow.getMessage().contains("too slowly"), slow.getMessage());
  }

  /** A body whose first bytes arrive and whose next read fails with {@code failure}. */
  static InputStream failingAfter(String start, java.io.IOException failure) {
    return new java.io.SequenceInputStream(body(start), new InputStream() {
      @Override
      public int read() throws java.io.IOException {
        throw failure;
      }
    });
  }

  @Test
  void aBodyThatStopsArrivingIs408AndOneWhoseConnectionEndsIs400WithoutInternals() {
    BadBody stalled = refusal(failingAfter("{\"a\": [", new java.net.SocketTimeoutException("Read timed out")));
    assertEquals(408, stalled.status());
    assertTrue(stalled.getMessage().contains("stopped arriving"), stalled.getMessage());
    BadBody reset = refusal(failingAfter("{\"a\": [", new java.io.IOException("java.io.IOException: Connection reset")));
    assertEquals(400, reset.status());
    assertTrue(reset.getMessage().contains("connection ended"), reset.getMessage());
    assertTrue(!reset.getMessage().contains("java"), reset.getMessage());
  }
}
