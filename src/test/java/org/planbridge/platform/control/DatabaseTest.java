package org.planbridge.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DatabaseTest {

  @Test
  void theUrlInTheLogCarriesNoPasswordOrProperties() {
    assertEquals("jdbc:postgresql://db.example:5432/planbridge",
        Database.displayUrl("jdbc:postgresql://db.example:5432/planbridge?user=pb&password=secret&ssl=true"));
    assertEquals("jdbc:postgresql://db.example/planbridge",
        Database.displayUrl("jdbc:postgresql://pb:secret@db.example/planbridge"));
    assertEquals("jdbc:h2:file:./data/planbridge",
        Database.displayUrl("jdbc:h2:file:./data/planbridge;AUTO_SERVER=TRUE;PASSWORD=secret"));
  }
}
