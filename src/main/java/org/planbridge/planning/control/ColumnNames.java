package org.planbridge.planning.control;

/**
 * How a planning column is named outside the database: {@code short_description} is the parameter
 * ShortDescription on the wire and the field shortDescription in JSON.
 */
public final class ColumnNames {

  private ColumnNames() {}

  /** The wire (SDK parameter) name: {@code start_time} is Start, {@code task_index} is Index. */
  public static String parameterOf(String column) {
    return switch (column) {
      case "start_time" -> "Start";
      case "end_time" -> "End";
      case "task_index" -> "Index";
      default -> {
        StringBuilder name = new StringBuilder();
        for (String part : column.split("_")) {
          name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        yield name.toString();
      }
    };
  }

  /** The JSON field name: the parameter name with a lower-case first letter. */
  public static String fieldOf(String column) {
    String parameter = parameterOf(column);
    return Character.toLowerCase(parameter.charAt(0)) + parameter.substring(1);
  }
}
