package org.planbridge.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewKeyTest {

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  static KeyViolation refusal(String body) {
    return assertThrows(KeyViolation.class, () -> NewKey.parse(json(body)));
  }

  @Test
  void aFullRequest() {
    NewKey key = NewKey.parse(json("{\"name\": \"CI import\", \"scopes\": [\"metrics\", \"ingest\"], \"sourceApps\": [\"BC\", \"NAV\"]}"));
    assertEquals("CI import", key.name());
    assertEquals(EnumSet.of(Scope.INGEST, Scope.METRICS), key.scopes());
    assertEquals(List.of("BC", "NAV"), key.sourceApps());
  }

  @Test
  void sourceAppsLeftOutOrNullMeanEvery() {
    assertNull(NewKey.parse(json("{\"name\": \"a\", \"scopes\": [\"admin\"]}")).sourceApps());
    assertNull(NewKey.parse(json("{\"name\": \"a\", \"scopes\": [\"admin\"], \"sourceApps\": null}")).sourceApps());
  }

  @Test
  void fieldNamesMatchWithoutCase() {
    NewKey key = NewKey.parse(json("{\"Name\": \"a\", \"SCOPES\": [\"admin\"], \"sourceapps\": [\"BC\"]}"));
    assertEquals(Set.of(Scope.ADMIN), key.scopes());
    assertEquals(List.of("BC"), key.sourceApps());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"name": "a", "scopes": ["ingest"], "secret": "x"}   | secret        | is not a field of an API key
      {"scopes": ["ingest"]}                               | name          | is required
      {"name": null, "scopes": ["ingest"]}                 | name          | is required
      {"name": "  ", "scopes": ["ingest"]}                 | name          | must not be blank
      {"name": 5, "scopes": ["ingest"]}                    | name          | must be a string
      {"name": "a"}                                        | scopes        | is required
      {"name": "a", "scopes": []}                          | scopes        | must name at least one scope
      {"name": "a", "scopes": "ingest"}                    | scopes        | must be an array
      {"name": "a", "scopes": ["ingest", 1]}               | scopes[1]     | must be a string
      {"name": "a", "scopes": ["admin", "admin"]}          | scopes[1]     | 'admin' is listed twice
      {"name": "a", "scopes": ["ingest"], "sourceApps": "BC"}        | sourceApps    | must be an array
      {"name": "a", "scopes": ["ingest"], "sourceApps": []}          | sourceApps    | an empty list
      {"name": "a", "scopes": ["ingest"], "sourceApps": ["BC", ""]}  | sourceApps[1] | must not be blank
      {"name": "a", "scopes": ["ingest"], "sourceApps": [" "]}       | sourceApps[0] | must not be blank
      {"name": "a", "scopes": ["ingest"], "sourceApps": [null]}      | sourceApps[0] | must be a string
      {"name": "a", "scopes": ["ingest"], "sourceApps": ["BC", "BC"]} | sourceApps[1] | 'BC' is listed twice
      """)
  void refusalsNameTheField(String body, String field, String message) {
    KeyViolation refused = refusal(body);
    assertEquals(field, refused.field());
    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
  }

  @Test
  void anUnknownScopeIsNamedWithItsIndex() {
    KeyViolation refused = refusal("{\"name\": \"a\", \"scopes\": [\"ingest\", \"root\"]}");
    assertEquals("scopes[1]", refused.field());
    assertEquals("scopes", refused.topField());
    assertEquals("'root' is not a scope; scopes are ingest, admin, metrics", refused.getMessage());
  }

  @Test
  void lengthsCountUtf16Units() {
    String hundred = "x".repeat(98) + "\uD83D\uDE00"; // 100 units, 99 code points
    assertEquals(hundred, NewKey.parse(json("{\"name\": \"" + hundred + "\", \"scopes\": [\"ingest\"]}")).name());
    KeyViolation name = refusal("{\"name\": \"" + "x".repeat(99) + "\uD83D\uDE00\", \"scopes\": [\"ingest\"]}");
    assertEquals("name", name.field());
    assertEquals("101 characters (UTF-16 units), longer than the 100 allowed (a character such as an emoji counts as 2).",
        name.getMessage());

    String thirty = "B".repeat(30);
    assertEquals(List.of(thirty), NewKey.parse(json("{\"name\": \"a\", \"scopes\": [\"ingest\"], \"sourceApps\": [\""
        + thirty + "\"]}")).sourceApps());
    KeyViolation sourceApp = refusal("{\"name\": \"a\", \"scopes\": [\"ingest\"], \"sourceApps\": [\"BC\", \""
        + "B".repeat(29) + "\u00e9\u00e9\"]}");
    assertEquals("sourceApps[1]", sourceApp.field());
    assertEquals("31 characters (UTF-16 units), longer than the 30 allowed.", sourceApp.getMessage());
  }

  @Test
  void textThatCannotBeStoredIsRefused() {
    for (String bad : List.of("a\\u0000b", "a\\ud800b", "a\\udc00", "\\ud83d")) {
      KeyViolation name = refusal("{\"name\": \"" + bad + "\", \"scopes\": [\"ingest\"]}");
      assertEquals("name", name.field(), bad);
      assertTrue(name.getMessage().contains("NUL character") || name.getMessage().contains("unpaired UTF-16 surrogate"),
          name.getMessage());
      KeyViolation sourceApp = refusal("{\"name\": \"a\", \"scopes\": [\"ingest\"], \"sourceApps\": [\"" + bad + "\"]}");
      assertEquals("sourceApps[0]", sourceApp.field(), bad);
      KeyViolation scope = refusal("{\"name\": \"a\", \"scopes\": [\"" + bad + "\"]}");
      assertEquals("scopes[0]", scope.field(), bad);
      assertTrue(scope.getMessage().matches("'[ -~]*' is not a scope.*"), "quoted printably: " + scope.getMessage());
    }
  }

  @Test
  void aListTooLongForItsColumnIsRefused() {
    StringBuilder apps = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      apps.append(i == 0 ? "" : ", ").append('"').append("SOURCE-APP-").append(1000 + i).append("-XXXXXXX").append('"');
    }
    KeyViolation refused = refusal("{\"name\": \"a\", \"scopes\": [\"ingest\"], \"sourceApps\": [" + apps + "]}");
    assertEquals("sourceApps", refused.field());
    assertTrue(refused.getMessage().startsWith("too many"), refused.getMessage());
  }

  @Test
  void columnsParseBack() {
    List<String> sourceApps = List.of("BC", "A,B", "quote\"d", "\u00e9t\u00e9");
    assertEquals(sourceApps, StoredKey.sourceApps(StoredKey.sourceAppsColumn(sourceApps)));
    assertNull(StoredKey.sourceAppsColumn(null));
    assertNull(StoredKey.sourceApps(null));
    assertEquals(List.of(), StoredKey.sourceApps("not json"), "an unreadable list limits the key to nothing");
    assertEquals("ingest,metrics", StoredKey.scopesColumn(EnumSet.of(Scope.METRICS, Scope.INGEST)));
    assertEquals(EnumSet.allOf(Scope.class), StoredKey.scopes("ingest,admin,metrics"));
    assertEquals(EnumSet.of(Scope.INGEST), StoredKey.scopes("ingest,future"), "an unknown scope grants nothing");
  }

  @Test
  void aNewSecretIsPrefixedBase64UrlOf32Bytes() {
    String secret = StoredKeys.newSecret();
    assertTrue(secret.matches("pb_[A-Za-z0-9_-]{43}"), secret);
    assertTrue(!secret.equals(StoredKeys.newSecret()));
    assertTrue(!new StoredKeys.Created(null, secret).toString().contains(secret));
  }
}
