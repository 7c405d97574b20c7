package org.planbridge.metrics.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * What one of PlanBridge's JDBC paths ({@code use}: the drain's ledger, the import, ...) holds of the server's
 * connection pool: how long {@code getConnection()} took ({@code planbridge_db_connection_acquire_seconds}), how many
 * connections it holds now ({@code planbridge_db_connections_in_use}), from the moment it got one until it closed
 * it, and how often it got none ({@code planbridge_db_connection_failures_total}). A connection taken inside a JTA
 * transaction goes back to the pool at the commit, a little after its close: that tail is not counted.
 */
public final class ConnectionMeter {

  private static final Duration[] BUCKETS = {Duration.ofNanos(100_000), Duration.ofMillis(1), Duration.ofMillis(5),
      Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2),
      Duration.ofSeconds(10), Duration.ofSeconds(30)};

  private final AtomicInteger inUse = new AtomicInteger();
  private final Timer acquire;
  private final Counter failures;

  public ConnectionMeter(MeterRegistry registry, String use) {
    Gauge.builder("planbridge.db.connections.in.use", inUse, AtomicInteger::get).tag("use", use)
        .description("Connections a PlanBridge JDBC path holds now").strongReference(true).register(registry);
    acquire = Timer.builder("planbridge.db.connection.acquire").tag("use", use)
        .description("How long DataSource.getConnection() took").serviceLevelObjectives(BUCKETS).register(registry);
    failures = Counter.builder("planbridge.db.connection.failures").tag("use", use)
        .description("getConnection() calls that failed").register(registry);
  }

  /** A connection of {@code dataSource}, counted until it is closed (closing it twice counts once). */
  public Connection open(DataSource dataSource) throws SQLException {
    long start = System.nanoTime();
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException | RuntimeException e) {
      failures.increment();
      throw e;
    } finally {
      acquire.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
    inUse.incrementAndGet();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        new Held(connection));
  }

  /** Passes every call on; the first {@code close()} gives the connection back to the count. */
  private final class Held implements InvocationHandler {

    private final Connection connection;
    private final AtomicBoolean closed = new AtomicBoolean();

    Held(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
      if (method.getName().equals("close") && method.getParameterCount() == 0 && closed.compareAndSet(false, true)) {
        inUse.decrementAndGet();
      }
      try {
        return method.invoke(connection, arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
