package org.planbridge.backoffice.nav;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;

/**
 * What a NAV client builds for each connector (its port, with what it read to build it), kept for the
 * connector's current version ({@link Target#key()}) and shared by the drain's threads: built once per version,
 * one connector at a time, the previous version's closed when it is replaced. The ports live on CXF's own bus
 * for PlanBridge's clients, apart from any the server has.
 */
final class NavPorts<T extends AutoCloseable> {

  /** Builds what one connector version needs. */
  interface Builder<T> {
    T build(Target target) throws DeliveryFailed;
  }

  private static final Logger LOG = Logger.getLogger(NavPorts.class.getName());

  private record Built<T>(String key, T port) {}

  /** Per connector id: what was built for its current version. */
  private final Map<Long, Built<T>> built = new ConcurrentHashMap<>();
  private final Map<Long, Object> building = new ConcurrentHashMap<>();
  private volatile Bus bus;

  /** What was built for the target's version, built now when there is none. */
  T get(Target target, Builder<T> builder) throws DeliveryFailed {
    Built<T> current = built.get(target.connectorId());
    if (current != null && current.key().equals(target.key())) {
      return current.port();
    }
    synchronized (building.computeIfAbsent(target.connectorId(), id -> new Object())) {
      current = built.get(target.connectorId());
      if (current != null && current.key().equals(target.key())) {
        return current.port();
      }
      T port = builder.build(target);
      Built<T> old = built.put(target.connectorId(), new Built<>(target.key(), port));
      if (old != null) {
        close(old.port());
      }
      return port;
    }
  }

  /** Whether the target's version is built already (its next delivery needs no WSDL fetch). */
  boolean isBuilt(Target target) {
    Built<T> current = built.get(target.connectorId());
    return current != null && current.key().equals(target.key());
  }

  Bus bus() {
    if (bus == null) {
      synchronized (this) {
        if (bus == null) {
          bus = BusFactory.newInstance().createBus();
        }
      }
    }
    return bus;
  }

  /** Closes every port and the bus. */
  void close() {
    built.values().forEach(old -> close(old.port()));
    built.clear();
    if (bus != null) {
      bus.shutdown(false);
    }
  }

  private static void close(AutoCloseable port) {
    try {
      port.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "Closing a SOAP port failed", e);
    }
  }
}
