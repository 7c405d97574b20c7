package org.planbridge.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.platform.control.LogSubject;

class LogCaptureTest {

  private final Logger logger = Logger.getLogger("org.planbridge.test.capture");
  private LogCapture capture;

  @BeforeEach
  void install() {
    capture = new LogCapture(3, Level.INFO);
    logger.setUseParentHandlers(false);
    logger.addHandler(capture);
  }

  @AfterEach
  void remove() {
    logger.removeHandler(capture);
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfMakingTheLoggerWait() {
    for (int i = 1; i <= 5; i++) {
      logger.info("message " + i);
    }
    assertEquals(2, capture.dropped(), "two did not fit");
    assertEquals(List.of("message 1", "message 2", "message 3"), capture.take(10).stream().map(LogLine::message)
        .toList(), "the oldest are kept, in order");
    logger.info("message 6");
    assertEquals("message 6", capture.take(10).get(0).message(), "once taken out, there is room again");
  }

  @Test
  void keepsTheLevelTheLoggerAndWhatTheMessageIsAboutAndLeavesAMessageWithBracesAsItIs() {
    String answer = "back office said {0} and {\"error\":\"it's 'down'\"}";
    LogSubject.log(logger, Level.WARNING, answer, 41, 7);
    LogLine line = capture.take(1).get(0);
    assertEquals(answer, line.message());
    assertEquals("WARNING", line.level());
    assertEquals(900, line.levelValue());
    assertEquals("org.planbridge.test.capture", line.logger());
    assertEquals(41L, line.transactionId());
    assertEquals(7L, line.appointmentId());
    assertNull(line.thrown());
  }

  @Test
  void keepsTheStackTraceCutsALongMessageAndIgnoresWhatIsBelowItsLevel() {
    logger.fine("below the level");
    logger.log(Level.SEVERE, "x".repeat(10_000), new IllegalStateException("the cause"));
    List<LogLine> lines = capture.take(10);
    assertEquals(1, lines.size(), "FINE is below INFO");
    assertEquals(LogCapture.MESSAGE, lines.get(0).message().length());
    assertTrue(lines.get(0).message().endsWith("..."), "a cut message says so");
    assertTrue(lines.get(0).thrown().startsWith("java.lang.IllegalStateException: the cause"), lines.get(0).thrown());
    assertNull(lines.get(0).transactionId());
  }

  @Test
  void aMessageWithANulCharacterIsKeptStorable() {
    logger.warning("the back office said \u0000 and \uD800");
    assertEquals("the back office said \uFFFD and \uFFFD", capture.take(1).get(0).message(),
        "PostgreSQL stores neither; one such message would otherwise fail its whole batch");
  }

  @Test
  void whatTheWriterLogsItselfIsNotCapturedAgain() {
    LogCapture.quietly(() -> logger.warning("the database is away"));
    assertEquals(0, capture.take(10).size());
    logger.warning("after");
    assertEquals(1, capture.take(10).size(), "only the writer's own thread, only while it writes");
  }

  @Test
  void aRecordWithABrokenPatternIsKeptAsWritten() {
    LogRecord record = new LogRecord(Level.INFO, "{0,number,#.#} {1");
    record.setParameters(new Object[] {"not a number"});
    record.setLoggerName("org.planbridge.x");
    capture.publish(record);
    assertEquals("{0,number,#.#} {1", capture.take(1).get(0).message());
  }
}
