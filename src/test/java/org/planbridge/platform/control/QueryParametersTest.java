package org.planbridge.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParametersTest {

  static Map<String, List<String>> decode(String name, String raw) {
    Map<String, List<String>> encoded = new LinkedHashMap<>();
    encoded.put(name, List.of(raw));
    return QueryParameters.decode(encoded);
  }

  @ParameterizedTest
  @CsvSource({"BC,BC", "B%43,BC", "a+b,a b", "%F0%9F%98%80,\uD83D\uDE00", "2024-05-01T10:00:00%2B02:00,2024-05-01T10:00:00+02:00",
      "Zo%C3%AB,Zoë", "%25,%"})
  void percentEscapesAreUtf8AndAPlusIsASpace(String raw, String expected) {
    assertEquals(List.of(expected), decode("sourceApp", raw).get("sourceApp"));
  }

  @ParameterizedTest
  @CsvSource({"%FF,not valid UTF-8", "%ED%A0%80,not valid UTF-8", "%C3,not valid UTF-8", "B%00C,NUL character",
      "%,followed by two hexadecimal digits", "%zz,followed by two hexadecimal digits", "%4,followed by two hexadecimal digits"})
  void whatCannotBeReadIsRefusedNamingTheParameter(String raw, String problem) {
    QueryParameters.Bad bad = assertThrows(QueryParameters.Bad.class, () -> decode("sourceApp", raw));
    assertEquals("sourceApp", bad.parameter());
    assertTrue(bad.getMessage().startsWith("Query parameter 'sourceApp'"), bad.getMessage());
    assertTrue(bad.getMessage().contains(problem), bad.getMessage());
  }

  @Test
  void aNameIsDecodedAndCheckedLikeAValue() {
    assertEquals(List.of("1"), decode("source%41pp", "1").get("sourceApp"));
    assertTrue(assertThrows(QueryParameters.Bad.class, () -> decode("a%00", "1")).getMessage().contains("NUL"));
  }
}
