package org.planbridge.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.platform.control.SchemaMigration;

/** The captured messages as the Logs page reads them: newest first, each filter, the retention's delete. */
class LogBookTest {

  static final OffsetDateTime NOON = OffsetDateTime.parse("2026-12-01T12:00:00Z");
  private final LogBook book = new LogBook();

  @BeforeEach
  void database() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:logs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    SchemaMigration.migrate(h2);
    book.dataSource = h2;
    book.write(List.of(
        new LogLine(NOON.minusDays(20), "INFO", 800, "org.planbridge.a.Old", "an old message", null, null, null),
        new LogLine(NOON, "WARNING", 900, "org.planbridge.outbox.control.DrainSession",
            "Transaction 5 of appointment 3 (Source App X): Failed: 100% down_now", null, 5L, 3L),
        new LogLine(NOON.plusMinutes(1), "SEVERE", 1000, "org.planbridge.b.Broken", "it broke",
            "java.lang.IllegalStateException: x", null, null)), "instance-1");
  }

  @Test
  void listsNewestFirstWithWhatEachMessageIsAbout() throws Exception {
    List<JsonObject> rows = book.list(LogFilter.ALL, 0, 10);
    assertEquals(List.of("it broke", "Transaction 5 of appointment 3 (Source App X): Failed: 100% down_now",
        "an old message"), rows.stream().map(row -> row.getString("message")).toList());
    assertEquals(5, rows.get(1).getJsonNumber("transactionId").longValue());
    assertEquals(3, rows.get(1).getJsonNumber("appointmentId").longValue());
    assertEquals("java.lang.IllegalStateException: x", rows.get(0).getString("thrown"));
    assertFalse(rows.get(2).containsKey("transactionId"));
    assertEquals("instance-1", rows.get(0).getString("instance"));
    assertEquals(List.of("it broke"), messages(book.list(LogFilter.ALL, 0, 1)), "a page of one");
    assertEquals(List.of("an old message"), messages(book.list(LogFilter.ALL, 2, 10)), "from the third");
  }

  @Test
  void filtersByLevelTimeTextAndSubject() throws Exception {
    assertEquals(2, book.count(new LogFilter(900, null, null, null, null, null)), "WARNING and above");
    assertEquals(2, book.count(new LogFilter(null, NOON, null, null, null, null)), "from noon on");
    assertEquals(1, book.count(new LogFilter(null, NOON, NOON.plusMinutes(1), null, null, null)), "to, exclusive");
    assertEquals(1, book.count(new LogFilter(null, null, null, "SOURCE APP x", null, null)), "text ignores case");
    assertEquals(1, book.count(new LogFilter(null, null, null, "drainsession", null, null)), "the logger too");
    assertEquals(1, book.count(new LogFilter(null, null, null, "100% down_", null, null)), "% and _ as typed");
    assertEquals(0, book.count(new LogFilter(null, null, null, "1%0", null, null)), "% is no wildcard");
    assertEquals(0, book.count(new LogFilter(null, null, null, "down!now", null, null)));
    assertEquals(1, book.count(new LogFilter(null, null, null, null, 5L, null)));
    assertEquals(1, book.count(new LogFilter(null, null, null, null, null, 3L)));
    assertEquals(0, book.count(new LogFilter(null, null, null, null, 6L, null)));
  }

  @Test
  void theRetentionDeletesOnlyWhatIsOlder() throws Exception {
    assertEquals(1, book.deleteBefore(NOON.minusDays(14)));
    assertEquals(List.of("it broke", "Transaction 5 of appointment 3 (Source App X): Failed: 100% down_now"),
        messages(book.list(LogFilter.ALL, 0, 10)));
  }

  private static List<String> messages(List<JsonObject> rows) {
    return rows.stream().map(row -> row.getString("message")).toList();
  }
}
