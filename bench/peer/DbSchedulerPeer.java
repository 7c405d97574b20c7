package bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer: db-scheduler (com.github.kagkarlsson:db-scheduler), the best-known PostgreSQL task queue for Java, doing
 * the drain's work in a JVM of its own. Each delivery is a one-time task ({@code Tasks.oneTime}, the body as its
 * data, the transaction id as its instance id) whose handler posts the body with {@link CeilingLoop} (the same
 * client, headers, signature and Basic auth as WebhookClient) to the same stub. Its table {@code scheduled_tasks} is
 * in the benchmark's database (the DDL of db-scheduler's postgresql_tables.sql); a HikariCP pool as its DataSource;
 * lock-and-fetch polling, which its README recommends above 1,000 executions a second, with the values it gives "for
 * high throughput (i.e. keep threads busy)": {@code pollUsingLockAndFetch(1.0, 4.0)} (SELECT ... FOR UPDATE SKIP
 * LOCKED; a new batch when no more executions are left than threads, topping the queue up to four per thread; its
 * "normal usage" values 0.5, 1.0 ran 1.85-3.28 times slower than the drain), the threads the engine has
 * ({@code <concurrency>}), the rest its defaults (polling interval 10 s, heartbeat 5 min).
 *
 * <p>{@code DbSchedulerPeer <stub URI> <bodies file> <concurrency> <JDBC URL> <user> <password>}; says {@code ready},
 * then for each line {@code go <n>}: schedules the first {@code n} bodies (one batch insert, due now, while no
 * scheduler runs: as a retry by hand makes the outbox's transactions due at once), starts a scheduler, waits until
 * the table is empty (every task executed and removed), stops it and answers {@code done}.
 */
final class DbSchedulerPeer {

  static final String TABLE = "CREATE TABLE IF NOT EXISTS scheduled_tasks (task_name TEXT NOT NULL, task_instance TEXT"
      + " NOT NULL, task_data BYTEA, execution_time TIMESTAMP WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL,"
      + " picked_by TEXT, last_success TIMESTAMP WITH TIME ZONE, last_failure TIMESTAMP WITH TIME ZONE,"
      + " consecutive_failures INT, last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL, priority SMALLINT,"
      + " PRIMARY KEY (task_name, task_instance))";
  static final List<String> INDEXES = List.of(
      "CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time)",
      "CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat)",
      "CREATE INDEX IF NOT EXISTS priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)");

  private DbSchedulerPeer() {}

  public static void main(String[] args) throws Exception {
    CeilingLoop loop = new CeilingLoop(URI.create(args[0]));
    List<CeilingLoop.Body> bodies = CeilingLoop.read(Path.of(args[1]));
    int threads = Integer.parseInt(args[2]);
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(args[3]);
    pool.setUsername(args[4]);
    pool.setPassword(args[5]);
    pool.setMaximumPoolSize(threads + 4);
    try (HikariDataSource dataSource = new HikariDataSource(pool)) {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute(TABLE);
        for (String index : INDEXES) {
          statement.execute(index);
        }
      }
      OneTimeTask<String> delivery = Tasks.oneTime("webhook-delivery", String.class).execute((instance, context) -> {
        try {
          loop.send(new CeilingLoop.Body(Long.parseLong(instance.getId()), instance.getData()));
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      SchedulerClient client = SchedulerClient.Builder.create(dataSource, delivery).build();
      BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      System.out.println("ready");
      System.out.flush();
      for (String line = commands.readLine(); line != null && line.matches("go \\d+"); line = commands.readLine()) {
        try {
          int count = Integer.parseInt(line.substring(3));
          List<TaskInstance<?>> instances = new ArrayList<>(count);
          for (CeilingLoop.Body body : bodies.subList(0, count)) {
            instances.add(delivery.instance(String.valueOf(body.id()), body.body()));
          }
          client.scheduleBatch(instances, Instant.now());
          Scheduler scheduler = Scheduler.create(dataSource, delivery).threads(threads)
              .pollUsingLockAndFetch(1.0, 4.0).build();
          scheduler.start();
          while (left(dataSource) > 0) {
            Thread.sleep(20);
          }
          scheduler.stop();
          System.out.println("done");
        } catch (Exception e) {
          System.out.println("failed " + e);
        }
        System.out.flush();
      }
    }
    System.exit(0);
  }

  static long left(HikariDataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM scheduled_tasks")) {
      row.next();
      return row.getLong(1);
    }
  }
}
