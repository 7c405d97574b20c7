package org.planbridge.planning.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.planbridge.planning.control.PlanningCollection;

/** The committed OpenAPI document of the reads is the one the collections and the schema describe today. */
class ReadApiDocumentTest {

  static final Path FILE = Path.of("src/main/resources/META-INF/openapi.yaml");

  @Test
  void theCommittedDocumentIsTheOneTheCollectionsDescribe() throws IOException {
    String built = ReadApiDocument.yaml();
    if (Boolean.getBoolean("openapi.write")) {
      Files.writeString(FILE, built, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(FILE), FILE + " is missing; -Dopenapi.write=true writes it");
    assertEquals(built, Files.readString(FILE, StandardCharsets.UTF_8), FILE + " is stale: a collection or a column"
        + " changed. ./mvnw -o test -Dtest=ReadApiDocumentTest -Dopenapi.write=true writes it again");
  }

  @Test
  void everyCollectionHasItsPageAndItsList() {
    String built = ReadApiDocument.yaml();
    for (PlanningCollection collection : PlanningCollection.values()) {
      assertTrue(built.contains("\n  \"/api/" + collection.path() + "\":\n"), collection.path());
      assertTrue(built.contains("\n  \"/api/" + collection.route() + "\":\n"), collection.route());
    }
    assertTrue(built.contains("maxLength: 30"), "text columns carry their length");
  }
}
