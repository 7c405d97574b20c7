package bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-statement execution time in PostgreSQL during a drain round, when {@code pg_stat_statements} is loaded
 * ({@code shared_preload_libraries}) and bench/drain-benchmark.sh could create it in the benchmark's database.
 * Without it the report simply has no such lines.
 */
final class Statements {

  private Statements() {
  }

  static void reset() {
    try (Connection db = Bench.connect(); Statement statement = db.createStatement()) {
      statement.execute("SELECT pg_stat_statements_reset()");
    } catch (SQLException e) {
      // not available
    }
  }

  /**
   * The {@code top} statements by total time (those that differ only after their first 50 characters together):
   * execution and planning (planning is 0 unless {@code pg_stat_statements.track_planning} is on), calls, rows, µs
   * per transaction of the round.
   */
  static List<String> top(int top) {
    List<String> lines = new ArrayList<>();
    try (Connection db = Bench.connect(); Statement statement = db.createStatement();
        // Grouped by the statement's start: a statement with an IN list or VALUES rows of another length is
        // another entry of pg_stat_statements, and the top entries alone left most of the record's time out.
        ResultSet rows = statement.executeQuery("SELECT SUM(calls), SUM(rows), SUM(total_exec_time), "
            + "left(MIN(q), 100), SUM(total_plan_time) FROM (SELECT *, regexp_replace(query, '\\s+', ' ', 'g') AS q "
            + "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())) s "
            + "GROUP BY left(q, 50) ORDER BY SUM(total_exec_time + total_plan_time) DESC LIMIT " + top)) {
      while (rows.next()) {
        lines.add(String.format(Locale.ROOT, "%7.1f µs %7.1f µs planning %8d calls %8d rows  %s",
            rows.getDouble(3) * 1000 / DrainBenchmark.APPOINTMENTS, rows.getDouble(5) * 1000 / DrainBenchmark.APPOINTMENTS,
            rows.getLong(1), rows.getLong(2), rows.getString(4)));
      }
    } catch (SQLException e) {
      // not available
    }
    return lines;
  }
}
