package org.planbridge.planning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActionUriRendererTest {

  @Test
  void placeholdersTakeTheRecordsValuesPercentEncoded() {
    Set<String> unresolved = new LinkedHashSet<>();
    String uri = ActionUriRenderer.fill("https://erp.example/#SourceApp#/order?no=#JOBNO#&who=#RESOURCE#&x=#NOSUCH#",
        Map.of("SOURCEAPP", "BC 1", "JOBNO", "J/1&2?é", "RESOURCE", "R1;R2"), unresolved);
    assertEquals("https://erp.example/BC%201/order?no=J%2F1%262%3F%C3%A9&who=R1%3BR2&x=#NOSUCH#", uri);
    assertEquals(Set.of("#NOSUCH#"), unresolved);
  }

  @Test
  void aTemplateWithoutPlaceholdersOrWithHashesThatAreNotIsLeftAsItIs() {
    Set<String> unresolved = new LinkedHashSet<>();
    assertEquals("https://x.example/a#section", ActionUriRenderer.fill("https://x.example/a#section", Map.of(),
        unresolved));
    assertEquals("#1#", ActionUriRenderer.fill("#1#", Map.of("1", "one"), unresolved), "a name starts with a letter");
    assertEquals(Set.of(), unresolved);
  }

  @Test
  void valuesAreWrittenAsAUriCarriesThem() {
    assertEquals("2024-05-01T08:00:00Z", Snapshots.readText(OffsetDateTime.parse("2024-05-01T10:00:00+02:00")));
    assertEquals("12.5", Snapshots.readText(new BigDecimal("12.500000")));
    assertEquals("", Snapshots.readText(null));
  }
}
