package org.planbridge.outbox.control;

import jakarta.ejb.ScheduleExpression;
import java.util.regex.Pattern;

/**
 * A 5-field CRON expression (minute hour day-of-month month day-of-week, e.g. {@code *}{@code /15 * * * *})
 * as an EJB calendar schedule. Each field takes {@code *}, numbers, ranges {@code a-b}, lists
 * {@code a,b} and steps {@code x/n}; anything else is refused with the field it is in.
 */
public final class CronSchedule {

  private static final String[] FIELDS = {"minute", "hour", "day of month", "month", "day of week"};
  private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
  private static final Pattern PART = Pattern.compile("(\\*|\\d+(-\\d+)?)(/\\d+)?");

  private CronSchedule() {}

  public static ScheduleExpression parse(String expression) {
    String[] fields = expression.trim().split("\\s+");
    if (fields.length != 5) {
      throw invalid(expression, "it has " + fields.length + " fields, not 5 (minute hour day-of-month month day-of-week)");
    }
    for (int f = 0; f < 5; f++) {
      for (String part : fields[f].split(",", -1)) {
        if (!PART.matcher(part).matches()) {
          throw invalid(expression, "the " + FIELDS[f] + " field '" + fields[f] + "' is not valid");
        }
        for (String number : part.replaceAll("^\\*", "").split("[-/]")) {
          if (!number.isEmpty() && !part.startsWith("*/" + number) && !inRange(number, RANGES[f])) {
            throw invalid(expression, "the " + FIELDS[f] + " field '" + fields[f] + "' leaves " + RANGES[f][0]
                + "-" + RANGES[f][1]);
          }
        }
      }
    }
    return new ScheduleExpression().second("0").minute(fields[0]).hour(fields[1]).dayOfMonth(fields[2])
        .month(fields[3]).dayOfWeek(fields[4]);
  }

  private static boolean inRange(String number, int[] range) {
    long value = Long.parseLong(number);
    return value >= range[0] && value <= range[1];
  }

  private static IllegalArgumentException invalid(String expression, String why) {
    return new IllegalArgumentException("PLANBRIDGE_RETRY_CRON '" + expression + "' is not a CRON expression: "
        + why + ". Example: */15 * * * * (every 15 minutes).");
  }
}
