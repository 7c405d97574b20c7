package org.planbridge.planning.control;

import java.sql.SQLException;

/** A batch the database refused, with the position of the row it stopped at. */
public class BatchFailure extends SQLException {

  private static final long serialVersionUID = 1L;
  private final int row;

  public BatchFailure(int row, SQLException cause) {
    super(firstSqlMessage(cause), cause.getSQLState(), cause);
    this.row = row;
  }

  public int row() {
    return row;
  }

  private static String firstSqlMessage(SQLException failure) {
    SQLException next = failure.getNextException();
    String message = next != null ? next.getMessage() : failure.getMessage();
    return message == null ? failure.toString() : message.lines().findFirst().orElse(message);
  }
}
