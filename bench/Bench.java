package bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** What the benchmarks share: settings, the database, output, machine facts. */
final class Bench {

  static final String API_KEY = "bench-api-key-0123456789";

  static final String DB_URL = setting("BENCH_DB_URL",
      "jdbc:postgresql://127.0.0.1:5432/" + setting("BENCH_DB_NAME", "planbridge_bench"));
  static final String DB_USER = setting("BENCH_DB_USER", "planbridge");
  static final String DB_PASSWORD = setting("BENCH_DB_PASSWORD", "planbridge");

  static final Path ROOT = Path.of("").toAbsolutePath();
  static final Path WORK = ROOT.resolve("bench/work");

  private Bench() {}

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
  }


  static String databaseVersion() {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SHOW server_version")) {
      result.next();
      return "PostgreSQL " + result.getString(1) + ", driver " + connection.getMetaData().getDriverVersion();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach " + DB_URL + " as " + DB_USER + ": " + e.getMessage(), e);
    }
  }

  static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static int intSetting(String name, int fallback) {
    return Integer.parseInt(setting(name, String.valueOf(fallback)));
  }

  static void out(String format, Object... arguments) {
    System.out.println(String.format(Locale.ROOT, format, arguments));
    System.out.flush();
  }

  static long mib(long bytes) {
    return (bytes + 1048575) / 1048576;
  }

  static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  static long totalMemoryMiB() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() / 1048576 : -1;
  }


  static String quote(String value) {
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  /** Machine, OS and JVM, for the report. */
  static String machine() {
    return String.format(Locale.ROOT, "%d cores (%s), %d MiB RAM, %s %s; JVM %s %s",
        Runtime.getRuntime().availableProcessors(), cpuModel(), totalMemoryMiB(), System.getProperty("os.name"),
        System.getProperty("os.version"), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
  }
}
