package org.planbridge.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.ScheduleExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {

  @Test
  void everyFifteenMinutesBecomesTheCalendarSchedule() {
    ScheduleExpression schedule = CronSchedule.parse("*/15 * * * *");
    assertEquals("0", schedule.getSecond());
    assertEquals("*/15", schedule.getMinute());
    assertEquals("*", schedule.getHour());
    assertEquals("*", schedule.getDayOfWeek());
  }

  @Test
  void rangesListsAndStepsPass() {
    ScheduleExpression schedule = CronSchedule.parse("0,30 8-18 1-31/2 1,6,12 1-5");
    assertEquals("8-18", schedule.getHour());
    assertEquals("1-5", schedule.getDayOfWeek());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "* * * *|has 4 fields, not 5",
      "*/15 * * * * *|has 6 fields, not 5",
      "61 * * * *|minute field '61' leaves 0-59",
      "0 24 * * *|hour field '24' leaves 0-23",
      "0 0 0 * *|day of month field '0' leaves 1-31",
      "0 0 * 13 *|month field '13' leaves 1-12",
      "0 0 * * 8|day of week field '8' leaves 0-7",
      "every * * * *|minute field 'every' is not valid"})
  void anInvalidExpressionIsRefusedNamingTheField(String expression, String why) {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse(expression));
    assertTrue(refused.getMessage().contains(why), refused.getMessage());
    assertTrue(refused.getMessage().startsWith("PLANBRIDGE_RETRY_CRON '" + expression + "'"));
  }
}
